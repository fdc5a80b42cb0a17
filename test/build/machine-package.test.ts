import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { captureCliIo } from '../fakes/capture-cli-io';
import {
  DECOY_CREDENTIAL_FILES,
  makeCompiledApp,
  makeStandInElectron,
} from '../fixtures/packaging/make-fixtures';

/**
 * Offline `dir` builds through `kioskctl build`, with a stand-in Electron folder (toolchain.md): the real
 * package.json and node_modules of this repository, a fixture in place of electron-vite's out/ (so the test
 * does not depend on, or overwrite, a developer's build), and the output in a temporary folder.
 */
const repo = join(__dirname, '../..');
const example = join(repo, 'build/machines/example.json');
let tmp: string;
let flags: string[];

const walk = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

/**
 * What a build must leave alone in the project: every native binary under node_modules (a rebuild for Electron
 * would rewrite them) and the manifest files, by size and modification time.
 */
const projectFingerprint = async (): Promise<string[]> => {
  const natives = (await walk(join(repo, 'node_modules'))).filter((f) => f.endsWith('.node'));
  const files = [...natives, join(repo, 'package.json'), join(repo, 'package-lock.json')];
  return Promise.all(
    files.sort().map(async (f) => {
      const s = await stat(f);
      return `${f} ${s.size} ${s.mtimeMs}`;
    }),
  );
};

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'kiosk-package-'));
  await makeStandInElectron(join(tmp, 'electron'));
  await makeCompiledApp(join(tmp, 'out'));
  flags = [
    '--target',
    'dir',
    '--out',
    join(tmp, 'release'),
    '--electron-dist',
    join(tmp, 'electron'),
    '--app-dir',
    join(tmp, 'out'),
  ];
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('kioskctl build --machine (offline dir build)', () => {
  let unpacked: string;
  let io: ReturnType<typeof captureCliIo>;
  let seconds: number;
  let before: string[];

  beforeAll(async () => {
    before = await projectFingerprint();
    // Set as an installer may have left them after `kioskctl provision`: the check searches the real
    // production node_modules and the fixture app for them, and must find nothing.
    io = captureCliIo({
      cwd: repo,
      env: {
        KIOSK_APPID: 'fake-appid-00000001',
        KIOSK_APPSECRET: 'fake-appsecret-00000001',
        KIOSK_APPKEY: 'fake-appkey-00000001',
      },
    });
    const started = performance.now();
    const code = await runCli(['build', '--machine', example, ...flags], io);
    seconds = (performance.now() - started) / 1000;
    process.stdout.write(`offline dir build took ${seconds.toFixed(1)} s\n`);
    if (code !== 0) throw new Error(io.all());
    unpacked = join(tmp, 'release/12345678/linux-unpacked');
  }, 90_000);

  it("leaves the project's node_modules and manifests exactly as they were (no rebuild into them)", async () => {
    expect(await projectFingerprint()).toEqual(before);
  });

  it('looked inside the package for secrets and found none in the real dependencies', () => {
    const line = io.stdout.find((l) => l.startsWith('  checked for secrets: ')) ?? '';
    expect(line).toMatch(/^ {2}checked for secrets: \d+ files, [\d.]+ MB in [\d.]+ s$/);
    expect(Number(/(\d+) files/.exec(line)?.[1])).toBeGreaterThan(500);
    expect(io.stdout.some((l) => l.includes('not searched for'))).toBe(false);
  });

  it('puts the package in a folder named after the machine number, quickly', () => {
    expect(io.stdout[0]).toBe(`machine 12345678: ${join(tmp, 'release/12345678')}`);
    expect(existsSync(join(unpacked, 'pickup-kiosk'))).toBe(true);
    expect(seconds).toBeLessThan(60);
  });

  it('app.asar holds main, preload, renderer and package.json, and no Electron or dev tooling', () => {
    const entries = listPackage(join(unpacked, 'resources/app.asar'), { isPack: false });
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
      '/out/renderer/assets/index.js',
    ]) {
      expect(entries).toContain(file);
    }
    expect(
      entries.filter((e) => /^\/node_modules\/(electron|electron-builder|vitest|typescript)(\/|$)/.test(e)),
    ).toEqual([]);
    expect(entries.filter((e) => !e.startsWith('/node_modules/') && !e.startsWith('/out')).sort()).toEqual([
      '/node_modules',
      '/package.json',
    ]);
  });

  it("serialport's N-API prebuilds are unpacked from the archive so they load; no other native module ships", async () => {
    const unpackedModules = join(unpacked, 'resources/app.asar.unpacked');
    for (const platform of ['linux-x64', 'win32-x64'])
      expect(
        existsSync(join(unpackedModules, 'node_modules/@serialport/bindings-cpp/prebuilds', platform)),
      ).toBe(true);
    const natives = (await walk(unpackedModules)).filter((f) => f.endsWith('.node'));
    expect(natives.length).toBeGreaterThan(0);
    expect(natives.filter((f) => !f.includes('/node_modules/@serialport/bindings-cpp/prebuilds/'))).toEqual(
      [],
    );
  });

  it("embeds the machine's configuration, exactly as validated", async () => {
    expect(await readFile(join(unpacked, 'resources/machine.json'), 'utf8')).toBe(
      await readFile(example, 'utf8'),
    );
  });

  it('ships the Linux integration files the deb installs', () => {
    for (const name of [
      'pickup-kiosk.service',
      'pickup-kiosk-cage.service',
      'pickup-kiosk.desktop',
      '99-pickup-kiosk.rules',
    ]) {
      expect(existsSync(join(unpacked, 'resources/linux', name))).toBe(true);
    }
  });

  it('contains no credential or provisioning file, in the archive or beside it', async () => {
    const entries = listPackage(join(unpacked, 'resources/app.asar'), { isPack: false }).map((e) =>
      basename(e),
    );
    const files = (await walk(join(tmp, 'release'))).map((f) => basename(f));
    for (const decoy of DECOY_CREDENTIAL_FILES) {
      expect(entries).not.toContain(decoy);
      expect(files).not.toContain(decoy);
    }
  });

  it('flips the kiosk fuses in the executable', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'pickup-kiosk'));
    const state = (fuse: FuseV1Options): string => String.fromCharCode(Number(wire[fuse]));
    const fuses = [
      FuseV1Options.RunAsNode,
      FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      FuseV1Options.EnableNodeCliInspectArguments,
      FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
      FuseV1Options.OnlyLoadAppFromAsar,
      FuseV1Options.GrantFileProtocolExtraPrivileges,
    ];
    // Off, off, off, on, on, off: file:// keeps no extra privileges, the page being served from app://kiosk.
    expect(fuses.map(state).join('')).toBe('000110');
  });

  it('refuses an invalid configuration before building anything', async () => {
    const bad = join(tmp, 'bad.json');
    await writeFile(bad, JSON.stringify({ machineNo: '1234' }));
    const badIo = captureCliIo({ cwd: repo });
    expect(await runCli(['build', '--machine', bad, ...flags], badIo)).toBe(1);
    expect(badIo.stderr).toContain(`build: ${bad}: 4 problems:`);
    expect(badIo.stderr).toContain('  - boards: is required (a list of 1–8 boards)');
    expect(existsSync(join(tmp, 'release/1234'))).toBe(false);
  });
});

describe('kioskctl build --fleet (offline dir build)', () => {
  it('builds the good rows, reports the bad ones by line, and writes provisioning files outside the packages', async () => {
    await copyFile(example, join(tmp, 'template.json'));
    await writeFile(
      join(tmp, 'fleet.csv'),
      [
        '# two machines from one template',
        'config,machine_no,machine_name,appid,appsecret,appkey',
        'template.json,12345679,Canteen kiosk,env:C_ID,env:C_SECRET,env:C_KEY',
        'template.json,1234567X,Broken kiosk,env:C_ID,env:C_SECRET,env:C_KEY',
      ].join('\n'),
    );
    const io = captureCliIo({
      cwd: repo,
      env: { C_ID: 'test-appid', C_SECRET: 'test-secret', C_KEY: 'TESTKEY' },
    });
    expect(await runCli(['build', '--fleet', join(tmp, 'fleet.csv'), ...flags], io)).toBe(1);
    expect(io.stdout.slice(-4, -3)[0]).toMatch(/^line\s+machine\s+result/);
    expect(io.stdout.at(-1)).toBe('1 of 2 machines built, 1 failed');
    expect(io.stdout.find((l) => l.startsWith('3 '))).toMatch(/^3\s+12345679\s+ok\s+/);
    expect(io.stdout.find((l) => l.startsWith('4 '))).toMatch(
      /^4\s+1234567X\s+FAILED\s+config template.json: machineNo: must be exactly 8 digits/,
    );

    const unpacked = join(tmp, 'release/12345679/linux-unpacked');
    const embedded = JSON.parse(await readFile(join(unpacked, 'resources/machine.json'), 'utf8')) as {
      machineNo: string;
      machineName: string;
    };
    expect([embedded.machineNo, embedded.machineName]).toEqual(['12345679', 'Canteen kiosk']);
    const provisioning = join(tmp, 'provisioning/12345679.provision.json');
    expect((await stat(provisioning)).mode & 0o777).toBe(0o600);
    expect((await walk(join(tmp, 'release'))).some((f) => f.endsWith('.provision.json'))).toBe(false);
    expect(io.all()).not.toMatch(/test-appid|test-secret|TESTKEY/);
  }, 90_000);
});
