import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBuilderConfig } from '../../../build/electron-builder.config';
import { buildDebPackage } from '../../../electron/build-tools/deb-package';
import type { DpkgDeb } from '../../../electron/build-tools/dpkg-deb';

const repo = join(__dirname, '../../..');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-deb-unit-'));
  const unpacked = join(dir, 'linux-unpacked');
  await mkdir(join(unpacked, 'resources'), { recursive: true });
  await writeFile(join(unpacked, 'pickup-kiosk'), '#!/bin/sh\n');
  await chmod(join(unpacked, 'pickup-kiosk'), 0o775);
  await writeFile(join(unpacked, 'resources/app.asar'), 'x'.repeat(3000));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A dpkg-deb stand-in: records what was staged (paths, modes, control), writes a file, lists `listing`. */
const fakeDpkgDeb = (listing: string) => {
  const staged = new Map<string, string>();
  let control = '';
  const tools: DpkgDeb = {
    available: () => true,
    async build(root, debFile) {
      for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
        const path = join(e.parentPath, e.name);
        staged.set(relative(root, path), ((await stat(path)).mode & 0o7777).toString(8));
      }
      staged.set('.', ((await stat(root)).mode & 0o7777).toString(8));
      control = await readFile(join(root, 'DEBIAN/control'), 'utf8');
      await writeFile(debFile, 'deb');
      return { ok: true, value: undefined };
    },
    contents: () => Promise.resolve({ ok: true, value: listing }),
  };
  return { tools, staged, control: () => control };
};

const line = (path: string, owner = 'root/root'): string =>
  `-rw-r--r-- ${owner} 1 2026-12-01 23:50 ./${path}`;
const complete = [
  'opt/Pickup Kiosk/pickup-kiosk',
  'opt/Pickup Kiosk/resources/app.asar',
  'opt/Pickup Kiosk/resources/machine.json',
  'opt/Pickup Kiosk/resources/apparmor-profile',
].map((p) => line(p));
const request = () => ({
  projectDir: repo,
  unpackedDir: join(dir, 'linux-unpacked'),
  outputDir: dir,
  machineNo: '12345678',
  arch: 'x64' as const,
  config: electronBuilderConfig,
});

describe('buildDebPackage', () => {
  it('stages the layout with package modes, writes the control file, and removes the staging folder', async () => {
    const fake = fakeDpkgDeb(complete.join('\n'));
    const result = await buildDebPackage(request(), fake.tools);
    const { version } = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { version: string };
    expect(result).toEqual({ ok: true, value: join(dir, `pickup-kiosk-12345678-${version}-amd64.deb`) });
    expect(fake.staged.get('.')).toBe('755');
    expect(fake.staged.get('DEBIAN')).toBe('755');
    expect(fake.staged.get('DEBIAN/postinst')).toBe('755');
    expect(fake.staged.get('opt/Pickup Kiosk/pickup-kiosk')).toBe('755');
    expect(fake.staged.get('opt/Pickup Kiosk/resources')).toBe('755');
    expect(fake.staged.get('usr/share/icons/hicolor/512x512/apps/pickup-kiosk.png')).toBe('644');
    expect(fake.control()).toContain('\nArchitecture: amd64\n');
    expect(fake.control()).toMatch(/\nInstalled-Size: \d+\n/);
    expect((await readdir(dir)).filter((name) => name.startsWith('.deb-root-'))).toEqual([]);
  });

  it('refuses and deletes a package whose listing holds a credential file or misses the app', async () => {
    const fake = fakeDpkgDeb(
      [...complete.slice(1), line('opt/Pickup Kiosk/resources/provisioning.json')].join('\n'),
    );
    const result = await buildDebPackage(request(), fake.tools);
    expect(result).toEqual({
      ok: false,
      error: [
        'the package has no /opt/Pickup Kiosk/pickup-kiosk',
        'secret inside the package: /opt/Pickup Kiosk/resources/provisioning.json: its name looks like a provisioning file',
      ],
    });
    expect((await readdir(dir)).filter((name) => name.endsWith('.deb'))).toEqual([]);
  });

  it('searches what it staged for the known credentials and key material before dpkg-deb packs it', async () => {
    await writeFile(join(dir, 'linux-unpacked/resources/notes.txt'), '{"kind": "pickup-kiosk-provisioning"}');
    await writeFile(join(dir, 'linux-unpacked/resources/app.asar'), 'x'.repeat(100) + 'deb-known-secret');
    const fake = fakeDpkgDeb(complete.join('\n'));
    const result = await buildDebPackage(
      {
        ...request(),
        secrets: [{ label: 'AppSecret of machine 12345678 (line 2)', value: 'deb-known-secret' }],
      },
      fake.tools,
    );
    expect(result).toEqual({
      ok: false,
      error: [
        'secret inside the package: /opt/Pickup Kiosk/resources/app.asar: contains the AppSecret of machine 12345678 (line 2) (as text)',
        `secret inside the package: /opt/Pickup Kiosk/resources/notes.txt: contains a provisioning file's "kind": "pickup-kiosk-provisioning"`,
      ],
    });
    expect(fake.control()).toBe('');
    expect(
      (await readdir(dir)).filter((name) => name.endsWith('.deb') || name.startsWith('.deb-root-')),
    ).toEqual([]);
  });

  it("reports dpkg-deb's own error", async () => {
    const fake = fakeDpkgDeb('');
    const tools: DpkgDeb = {
      ...fake.tools,
      build: () =>
        Promise.resolve({ ok: false, error: 'dpkg-deb: error: control directory has bad permissions' }),
    };
    expect(await buildDebPackage(request(), tools)).toEqual({
      ok: false,
      error: ['dpkg-deb --build: dpkg-deb: error: control directory has bad permissions'],
    });
    expect(existsSync(join(dir, 'linux-unpacked/pickup-kiosk'))).toBe(true);
  });
});
