import { createPackage } from '@electron/asar';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCredentialFileName, verifyUnpackedPackage } from '../../../electron/build-tools/verify-package';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-verify-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A tiny unpacked build: an asar made from `appFiles`, plus resources/machine.json. */
const makeUnpacked = async (
  appFiles: Record<string, string>,
  machineJson: string | undefined,
): Promise<string> => {
  const app = join(dir, 'app');
  for (const [name, text] of Object.entries(appFiles)) {
    await mkdir(join(app, name, '..'), { recursive: true });
    await writeFile(join(app, name), text);
  }
  const unpacked = join(dir, 'linux-unpacked');
  await mkdir(join(unpacked, 'resources'), { recursive: true });
  await createPackage(app, join(unpacked, 'resources/app.asar'));
  if (machineJson !== undefined) await writeFile(join(unpacked, 'resources/machine.json'), machineJson);
  return unpacked;
};

const complete = {
  'package.json': '{}',
  'out/main/index.js': '',
  'out/preload/index.js': '',
  'out/renderer/index.html': '',
};

describe('verifyUnpackedPackage', () => {
  it('accepts a package with the app and the validated configuration', async () => {
    const result = await verifyUnpackedPackage(await makeUnpacked(complete, '{"a":1}'), {
      configText: '{"a":1}',
    });
    expect(result.ok && result.value.asarEntries).toContain('/out/main/index.js');
  });

  it('finds every missing part and a configuration that differs', async () => {
    const result = await verifyUnpackedPackage(await makeUnpacked({ 'out/main/index.js': '' }, '{"a":2}'), {
      configText: '{"a":1}',
    });
    expect(result).toEqual({
      ok: false,
      error: [
        'app.asar has no out/preload/ code',
        'app.asar has no out/renderer/ code',
        'resources/machine.json differs from the validated configuration',
      ],
    });
  });

  it('finds a credential file inside the archive or next to it', async () => {
    const unpacked = await makeUnpacked({ ...complete, 'out/12345678.provision.json': '{}' }, '{}');
    await writeFile(join(unpacked, 'resources/credentials.enc.json'), '{}');
    const result = await verifyUnpackedPackage(unpacked, { configText: '{}' });
    expect(result.ok ? [] : result.error).toEqual([
      'credential file inside the package: resources/credentials.enc.json',
      'credential file inside the package: resources/app.asar/out/12345678.provision.json',
    ]);
  });

  it('reports a missing machine.json', async () => {
    const result = await verifyUnpackedPackage(await makeUnpacked(complete, undefined), { configText: '{}' });
    expect(result).toEqual({ ok: false, error: ['resources/machine.json is missing'] });
  });

  it('finds compiled code that an exclusion pattern left out', async () => {
    const unpacked = await makeUnpacked(complete, '{}');
    const appDir = join(dir, 'compiled');
    for (const file of [
      'main/index.js',
      'main/chunk-a.js',
      'preload/index.js',
      'renderer/index.html',
      'provisioning.json',
    ]) {
      await mkdir(join(appDir, file, '..'), { recursive: true });
      await writeFile(join(appDir, file), '');
    }
    const result = await verifyUnpackedPackage(unpacked, { configText: '{}', appDir });
    expect(result).toEqual({
      ok: false,
      error: ['app.asar is missing out/main/chunk-a.js from the compiled app'],
    });
  });

  it.each([
    ['12345678.provision.json', true],
    ['provisioning.json', true],
    ['credentials.enc.json', true],
    ['.env', true],
    ['prod.env', true],
    ['.env.production', true],
    ['machine.json', false],
    ['environment.js', false],
    ['credentials-abc123.js', false],
  ])('%s is a credential file: %s', (name, expected) => {
    expect(isCredentialFileName(name)).toBe(expected);
  });
});
