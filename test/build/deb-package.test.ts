import { listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBuilderConfig } from '../../build/electron-builder.config';
import { isBuildArch } from '../../electron/build-tools/builder-config';
import { DEB_DEPENDS, debArchitecture } from '../../electron/build-tools/deb-control';
import { runCli } from '../../electron/cli/main';
import { captureCliIo } from '../fakes/capture-cli-io';
import {
  DECOY_CREDENTIAL_FILES,
  makeCompiledApp,
  makeStandInElectron,
} from '../fixtures/packaging/make-fixtures';
import { describeWithDpkg } from '../helpers/describe-with-dpkg';
import { dpkgInRoot, makeScratchRoot } from '../helpers/dpkg-scratch-root';

/**
 * The deb an installer gets, built and installed for real: `kioskctl build --target deb` (offline `dir`
 * build with the stand-in Electron, then dpkg-deb), then `dpkg --root` into a scratch root, where the
 * maintainer scripts run with DPKG_ROOT set, then `dpkg -r`. The machine's own system is checked untouched.
 */
const repo = join(__dirname, '../..');
const example = join(repo, 'build/machines/example.json');
const linuxDir = join(repo, 'build/linux');
const app = 'opt/Pickup Kiosk';
const arch = isBuildArch(process.arch) ? process.arch : 'x64';

/** Places on the real machine that an install into the scratch root must never touch. */
const HOST_PATHS = [
  '/usr/bin/pickup-kiosk',
  '/etc/alternatives/pickup-kiosk',
  '/var/lib/dpkg/alternatives/pickup-kiosk',
  '/var/lib/dpkg/status',
  '/etc/udev/rules.d/99-pickup-kiosk.rules',
  '/usr/lib/systemd/user/pickup-kiosk.service',
  '/etc/systemd/user/pickup-kiosk.service.d',
  '/etc/systemd/user/graphical-session.target.wants/pickup-kiosk.service',
  '/etc/apparmor.d/pickup-kiosk',
  '/opt/Pickup Kiosk',
];
const hostFingerprint = (): Promise<string[]> =>
  Promise.all(HOST_PATHS.map(async (p) => `${p} ${(await lstat(p).catch(() => undefined))?.mtimeMs ?? '-'}`));

/** `dpkg-deb --field`: the control paragraph as name → value (continuation lines joined with newlines). */
const controlFields = (deb: string): Map<string, string> => {
  const fields = new Map<string, string>();
  let last = '';
  for (const line of spawnSync('dpkg-deb', ['--field', deb], { encoding: 'utf8' }).stdout.split('\n')) {
    if (line.startsWith(' ')) fields.set(last, `${fields.get(last) ?? ''}\n${line.slice(1)}`);
    else if (line.includes(':')) {
      last = line.slice(0, line.indexOf(':'));
      fields.set(last, line.slice(line.indexOf(':') + 1).trim());
    }
  }
  return fields;
};

let tmp: string;
let root: string;
let deb: string;
let hostBefore: string[];
let install: ReturnType<typeof dpkgInRoot>;
const read = (path: string): Promise<string> => readFile(join(root, path), 'utf8');
const inRoot = (path: string): boolean => existsSync(join(root, path));

describeWithDpkg('kioskctl build --target deb, installed with dpkg into a scratch root', () => {
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'kiosk-deb-'));
    await makeStandInElectron(join(tmp, 'electron'));
    await makeCompiledApp(join(tmp, 'out'));
    hostBefore = await hostFingerprint();
    const io = captureCliIo({ cwd: repo });
    const flags = ['--out', join(tmp, 'release'), '--electron-dist', join(tmp, 'electron')];
    let started = performance.now();
    const code = await runCli(
      ['build', '--machine', example, '--target', 'deb', ...flags, '--app-dir', join(tmp, 'out')],
      io,
    );
    const buildSeconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(io.all());
    deb = io.stdout[1]?.trim() ?? '';
    root = await makeScratchRoot(join(tmp, 'root'), { apparmor4: true });
    started = performance.now();
    install = dpkgInRoot(root, ['--install', deb]);
    const installSeconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `deb build ${buildSeconds.toFixed(1)} s, dpkg install ${installSeconds.toFixed(1)} s\n`,
    );
  }, 90_000);
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('names the package after the machine, the version and the Debian architecture', async () => {
    const { version } = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { version: string };
    expect(deb).toBe(
      join(tmp, 'release/12345678', `pickup-kiosk-12345678-${version}-${debArchitecture(arch)}.deb`),
    );
    expect(existsSync(deb)).toBe(true);
  });

  it('has the control fields an installer and apt read', async () => {
    const { version } = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { version: string };
    const fields = controlFields(deb);
    expect(fields.get('Package')).toBe('pickup-kiosk');
    expect(fields.get('Version')).toBe(version);
    expect(fields.get('Architecture')).toBe(debArchitecture(arch));
    expect(fields.get('Maintainer')).toBe(electronBuilderConfig.linux?.maintainer);
    expect(fields.get('Depends')).toBe(DEB_DEPENDS.join(', '));
    expect(fields.get('Description')).toContain('Built for machine 12345678.');
    expect(Number(fields.get('Installed-Size'))).toBeGreaterThan(0);
  });

  it('holds no credential file, in the package listing or inside the archive; every file is root-owned', () => {
    const listing = spawnSync('dpkg-deb', ['--contents', deb], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n');
    const names = listing.map((line) => basename(line.replace(/\/$/, '')));
    const archive = listPackage(join(root, app, 'resources/app.asar'), { isPack: false }).map((e) =>
      basename(e),
    );
    for (const decoy of DECOY_CREDENTIAL_FILES) {
      expect(names).not.toContain(decoy);
      expect(archive).not.toContain(decoy);
    }
    expect(listing.filter((line) => !/^\S+ root\/root /.test(line))).toEqual([]);
  });

  it('installs cleanly, saying what it left out of the running system', () => {
    expect(install.status, install.output).toBe(0);
    for (const skipped of ['usermod -a -G dialout kiosk', 'udevadm control', 'apparmor_parser --replace'])
      expect(install.output).toContain(`skipped: ${skipped}`);
  });

  it('puts the app under /opt/Pickup Kiosk with its configuration and Linux files', async () => {
    expect((await stat(join(root, app, 'pickup-kiosk'))).mode & 0o111).toBe(0o111);
    expect(inRoot(`${app}/resources/app.asar`)).toBe(true);
    expect(await read(`${app}/resources/machine.json`)).toBe(await readFile(example, 'utf8'));
    for (const name of [
      'pickup-kiosk.service',
      'pickup-kiosk-cage.service',
      'pickup-kiosk.desktop',
      '99-pickup-kiosk.rules',
    ])
      expect(await read(`${app}/resources/linux/${name}`)).toBe(await readFile(join(linuxDir, name), 'utf8'));
    expect(inRoot('usr/share/icons/hicolor/512x512/apps/pickup-kiosk.png')).toBe(true);
    expect(await read('usr/share/applications/pickup-kiosk.desktop')).toContain(
      'Exec=/usr/bin/pickup-kiosk\n',
    );
  });

  it('links /usr/bin/pickup-kiosk to the app through the alternatives system', async () => {
    expect(await readlink(join(root, 'usr/bin/pickup-kiosk'))).toBe('/etc/alternatives/pickup-kiosk');
    expect(await readlink(join(root, 'etc/alternatives/pickup-kiosk'))).toBe(
      '/opt/Pickup Kiosk/pickup-kiosk',
    );
  });

  it('installs the systemd user service, limited to the kiosk user and enabled for the session', async () => {
    expect(await read('usr/lib/systemd/user/pickup-kiosk.service')).toBe(
      await readFile(join(linuxDir, 'pickup-kiosk.service'), 'utf8'),
    );
    expect(await read('etc/systemd/user/pickup-kiosk.service.d/kiosk-user.conf')).toBe(
      '[Unit]\nConditionUser=kiosk\n',
    );
    expect(
      await readlink(join(root, 'etc/systemd/user/graphical-session.target.wants/pickup-kiosk.service')),
    ).toBe('/usr/lib/systemd/user/pickup-kiosk.service');
  });

  it('installs the udev rule and our AppArmor profile', async () => {
    expect(await read('etc/udev/rules.d/99-pickup-kiosk.rules')).toBe(
      await readFile(join(linuxDir, '99-pickup-kiosk.rules'), 'utf8'),
    );
    expect(await read('etc/apparmor.d/pickup-kiosk')).toBe(
      await readFile(join(linuxDir, 'apparmor-profile'), 'utf8'),
    );
  });

  it('leaves the AppArmor profile out of an image whose AppArmor predates 4.0', async () => {
    const old = await makeScratchRoot(join(tmp, 'root-apparmor3'), { apparmor4: false });
    const run = dpkgInRoot(old, ['--install', deb]);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('skipped: the AppArmor profile');
    expect(existsSync(join(old, 'etc/apparmor.d/pickup-kiosk'))).toBe(false);
  });

  describe('dpkg -r', () => {
    const dataFile = 'home/kiosk/.config/Pickup Kiosk/journal.db';
    let removal: ReturnType<typeof dpkgInRoot>;

    beforeAll(async () => {
      await mkdir(join(root, dataFile, '..'), { recursive: true });
      await writeFile(join(root, dataFile), 'the record of what the machine dispensed');
      removal = dpkgInRoot(root, ['--remove', 'pickup-kiosk']);
    });
    const status = (): string => dpkgInRoot(root, ['--status', 'pickup-kiosk']).output;

    it('runs the postrm, which takes away the link, the service, the rule and the profile', () => {
      expect(removal.status, removal.output).toBe(0);
      expect(status()).toContain('Status: deinstall ok config-files');
      expect(removal.output).toContain('skipped: udevadm control --reload-rules');
      for (const path of [
        'usr/bin/pickup-kiosk',
        'etc/alternatives/pickup-kiosk',
        'usr/lib/systemd/user/pickup-kiosk.service',
        'etc/systemd/user/pickup-kiosk.service.d',
        'etc/systemd/user/graphical-session.target.wants/pickup-kiosk.service',
        'etc/udev/rules.d/99-pickup-kiosk.rules',
        'etc/apparmor.d/pickup-kiosk',
        app,
      ])
        expect(inRoot(path), path).toBe(false);
    });

    it("leaves the kiosk user's data alone, through a purge too", async () => {
      const purge = dpkgInRoot(root, ['--purge', 'pickup-kiosk']);
      expect(purge.status, purge.output).toBe(0);
      expect(purge.output).not.toContain('Failed');
      expect(status()).toContain("package 'pickup-kiosk' is not installed");
      expect(await read(dataFile)).toBe('the record of what the machine dispensed');
    });

    it("never touched the real machine's files", async () => {
      expect(await hostFingerprint()).toEqual(hostBefore);
    });
  });
});
