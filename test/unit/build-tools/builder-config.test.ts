import { describe, expect, it } from 'vitest';
import { CREDENTIAL_FILE_PATTERNS, electronBuilderConfig } from '../../../build/electron-builder.config';
import {
  builderTarget,
  isBuildArch,
  isBuildTarget,
  machineArtifactName,
  machineBuilderConfig,
  targetPlatform,
  unpackedDirName,
} from '../../../electron/build-tools/builder-config';

const plan = {
  projectDir: '/repo',
  machineNo: '12345678',
  configFile: '/tmp/stage/machine.json',
  outDir: '/builds',
  target: 'dir' as const,
};

describe('machineBuilderConfig', () => {
  it('embeds the configuration as resources/machine.json and keeps the shared resources', () => {
    const config = machineBuilderConfig(electronBuilderConfig, plan);
    expect(config.extraResources).toEqual([{ from: '/tmp/stage/machine.json', to: 'machine.json' }]);
    expect(config.linux?.extraResources).toEqual(electronBuilderConfig.linux?.extraResources);
  });

  it('names the output folder and every artifact after the machine', () => {
    const config = machineBuilderConfig(electronBuilderConfig, plan);
    expect(config.directories?.output).toBe('/builds/12345678');
    expect(config.artifactName).toBe('pickup-kiosk-12345678-${version}-${arch}.${ext}');
    expect(machineArtifactName('87654321')).toContain('87654321');
  });

  it('never publishes', () => {
    expect(machineBuilderConfig(electronBuilderConfig, plan).publish).toBeNull();
  });

  it('with a local Electron folder uses it; with or without one, never rebuilds native modules', () => {
    const config = machineBuilderConfig(electronBuilderConfig, { ...plan, electronDist: '/opt/electron' });
    expect([config.electronDist, config.npmRebuild]).toEqual(['/opt/electron', false]);
    expect(machineBuilderConfig(electronBuilderConfig, plan).npmRebuild).toBe(false);
    expect(machineBuilderConfig(electronBuilderConfig, { ...plan, target: 'nsis' }).npmRebuild).toBe(false);
  });

  it('packages a compiled app from another folder as out/, still without credential files', () => {
    const config = machineBuilderConfig(electronBuilderConfig, { ...plan, appDir: '/ci/compiled' });
    const files = config.files as unknown[];
    expect(files[0]).toEqual({
      from: '/ci/compiled',
      to: 'out',
      filter: ['**/*', ...CREDENTIAL_FILE_PATTERNS.map((p) => `!${p}`)],
    });
    expect(files).not.toContain('out/**/*');
    expect(files).toContain('package.json');
  });

  it('leaves the shared configuration untouched', () => {
    const before = JSON.stringify(electronBuilderConfig);
    machineBuilderConfig(electronBuilderConfig, { ...plan, appDir: '/x', electronDist: '/y' });
    expect(JSON.stringify(electronBuilderConfig)).toBe(before);
  });
});

describe('build targets', () => {
  it.each([
    ['deb', 'linux', 'dir'],
    ['dir', 'linux', 'dir'],
    ['tar.gz', 'linux', 'tar.gz'],
    ['nsis', 'win', 'nsis'],
  ] as const)('%s builds on %s, from electron-builder target %s', (target, platform, fromTarget) => {
    expect(isBuildTarget(target)).toBe(true);
    expect(targetPlatform(target)).toBe(platform);
    expect(builderTarget(target)).toBe(fromTarget);
  });

  it('rejects anything else, AppImage included (its random mount path defeats AppArmor profiles)', () => {
    expect(isBuildTarget('rpm')).toBe(false);
    expect(isBuildTarget('AppImage')).toBe(false);
  });

  it("knows electron-builder's unpacked folder for each architecture", () => {
    expect(unpackedDirName('deb', 'x64')).toBe('linux-unpacked');
    expect(unpackedDirName('dir', 'arm64')).toBe('linux-arm64-unpacked');
    expect(unpackedDirName('nsis', 'x64')).toBe('win-unpacked');
    expect([isBuildArch('x64'), isBuildArch('arm64'), isBuildArch('ia32')]).toEqual([true, true, false]);
  });
});
