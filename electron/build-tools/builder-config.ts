import { join, resolve } from 'node:path';
import type { Configuration } from 'electron-builder';
import { CREDENTIAL_FILE_PATTERNS } from '../../build/electron-builder.config';

/**
 * Package formats `kioskctl build --target` accepts. `deb` is assembled by dpkg-deb from electron-builder's
 * `dir` output (deb-package.ts), so it builds the same way with or without internet access; nsis needs tools
 * electron-builder downloads. No AppImage: it runs from a random mount path, which no AppArmor profile can name,
 * so on Ubuntu 24.04+ Chromium's sandbox could not start in it.
 */
export const BUILD_TARGETS = ['deb', 'dir', 'tar.gz', 'nsis'] as const;
export type BuildTarget = (typeof BUILD_TARGETS)[number];

export const isBuildTarget = (value: string): value is BuildTarget =>
  (BUILD_TARGETS as readonly string[]).includes(value);

export const targetPlatform = (target: BuildTarget): 'linux' | 'win' => (target === 'nsis' ? 'win' : 'linux');

/** What electron-builder itself is asked to build: for a deb, only the unpacked app that dpkg-deb packs. */
export const builderTarget = (target: BuildTarget): Exclude<BuildTarget, 'deb'> =>
  target === 'deb' ? 'dir' : target;

/** CPU architectures a package can be built for, in electron-builder's (and Node's) names. */
export const BUILD_ARCHS = ['x64', 'arm64', 'armv7l'] as const;
export type BuildArch = (typeof BUILD_ARCHS)[number];

export const isBuildArch = (value: string): value is BuildArch =>
  (BUILD_ARCHS as readonly string[]).includes(value);

/** electron-builder's unpacked folder: `linux-unpacked` for x64, `linux-arm64-unpacked` for others. */
export const unpackedDirName = (target: BuildTarget, arch: BuildArch): string =>
  `${targetPlatform(target)}${arch === 'x64' ? '' : `-${arch}`}-unpacked`;

/** The resource name the app reads (electron/main/config/load-machine-config.ts looks for the same name). */
export const PACKAGED_CONFIG_NAME = 'machine.json';

export type MachinePackagePlan = {
  readonly projectDir: string;
  readonly machineNo: string;
  /** The validated machine configuration file, embedded as resources/machine.json. */
  readonly configFile: string;
  /** Packages go to `<outDir>/<machineNo>/`. */
  readonly outDir: string;
  readonly target: BuildTarget;
  /** A local, unpacked Electron folder (offline builds); otherwise electron-builder downloads Electron. */
  readonly electronDist?: string;
  /** The compiled app (electron-vite's out/); defaults to `<projectDir>/out`. */
  readonly appDir?: string;
};

export const machineOutputDir = (outDir: string, machineNo: string): string =>
  join(resolve(outDir), machineNo);

/** `pickup-kiosk-<machine>-<version>-<arch>.<ext>`; the ${...} parts are electron-builder's own macros. */
export const machineArtifactName = (machineNo: string): string =>
  `pickup-kiosk-${machineNo}-\${version}-\${arch}.\${ext}`;

/** One machine's build: the shared configuration plus its embedded config, output folder and artifact name. */
export const machineBuilderConfig = (base: Configuration, plan: MachinePackagePlan): Configuration => {
  const appDir = resolve(plan.appDir ?? join(plan.projectDir, 'out'));
  const usesProjectOut = appDir === resolve(plan.projectDir, 'out');
  const exclusions = CREDENTIAL_FILE_PATTERNS.map((p) => `!${p}`);
  const files = usesProjectOut
    ? base.files
    : [
        { from: appDir, to: 'out', filter: ['**/*', ...exclusions] },
        ...((base.files as string[] | undefined) ?? []).filter((f) => f !== 'out/**/*'),
      ];
  const extraResources = Array.isArray(base.extraResources) ? base.extraResources : [];
  return {
    ...base,
    files,
    directories: { ...base.directories, output: machineOutputDir(plan.outDir, plan.machineNo) },
    artifactName: machineArtifactName(plan.machineNo),
    extraResources: [...extraResources, { from: resolve(plan.configFile), to: PACKAGED_CONFIG_NAME }],
    publish: null,
    ...(plan.electronDist !== undefined ? { electronDist: resolve(plan.electronDist) } : {}),
  };
};
