import { createPackageWithOptions } from '@electron/asar';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanPackageFolder } from '../../../electron/build-tools/package-scan';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-scan-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = async (root: string, files: Record<string, string>): Promise<void> => {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), text);
  }
};

const secrets = [{ label: '$KIOSK_APPSECRET', value: 'planted-secret-42' }];

describe('scanPackageFolder', () => {
  it('looks into archives, their unpacked files and the files beside them, and names each finding', async () => {
    const app = join(dir, 'app');
    await write(app, {
      'out/main/index.js': 'var PROVISIONING_KIND = "pickup-kiosk-provisioning";',
      'out/stray/creds.json': '{}',
      'out/stray/readme.txt': `token: ${Buffer.from('planted-secret-42').toString('base64')}`,
      'node_modules/native/lib.node': 'planted-secret-42',
    });
    const unpacked = join(dir, 'linux-unpacked');
    await mkdir(join(unpacked, 'resources'), { recursive: true });
    await createPackageWithOptions(app, join(unpacked, 'resources/app.asar'), { unpack: '*.node' });
    await write(unpacked, {
      'resources/machine.json': '{}',
      'resources/87654321.provision.json.bak': '{"kind": "pickup-kiosk-provisioning"}',
    });
    await symlink('machine.json', join(unpacked, 'resources/apikey.txt'));

    const scan = await scanPackageFolder(unpacked, secrets);
    expect(scan.problems).toEqual([
      'resources/87654321.provision.json.bak: its name looks like a copy of a provisioning file',
      `resources/87654321.provision.json.bak: contains a provisioning file's "kind": "pickup-kiosk-provisioning"`,
      'resources/apikey.txt: its name looks like a secret',
      'resources/app.asar/out/stray/creds.json: its name looks like a credential file',
      'resources/app.asar/out/stray/readme.txt: contains the $KIOSK_APPSECRET (base64)',
      'resources/app.asar.unpacked/node_modules/native/lib.node: contains the $KIOSK_APPSECRET (as text)',
    ]);
    expect(scan.files).toBe(6);
  });

  it('finds nothing in a clean folder and says which credentials were too short to look for', async () => {
    await write(dir, { 'resources/machine.json': '{"machineNo":"12345678"}', pickup: 'binary' });
    const scan = await scanPackageFolder(dir, [...secrets, { label: '$KIOSK_APPID', value: '1234' }]);
    expect(scan).toEqual({ problems: [], unsearched: ['$KIOSK_APPID'], files: 2, bytes: 30 });
  });

  it('reads a file called .asar that is no archive as a plain file', async () => {
    await write(dir, { 'resources/app.asar': 'not an archive, but planted-secret-42' });
    expect((await scanPackageFolder(dir, secrets)).problems).toEqual([
      'resources/app.asar: contains the $KIOSK_APPSECRET (as text)',
    ]);
  });
});
