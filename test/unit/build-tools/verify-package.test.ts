import { createPackage } from '@electron/asar';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isExcludedCredentialFileName } from '../../../electron/build-tools/credential-names';
import { verifyUnpackedPackage } from '../../../electron/build-tools/verify-package';

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

  it('finds a credential file inside the archive or next to it, by name or by content', async () => {
    const unpacked = await makeUnpacked(
      {
        ...complete,
        'out/12345678.provision.json': '{}',
        'out/notes.txt': 'the secret is s3cr3t-value-1',
      },
      '{}',
    );
    await writeFile(join(unpacked, 'resources/credentials.enc.json'), '{}');
    await writeFile(join(unpacked, 'resources/appsecret.txt'), 'nothing here');
    const result = await verifyUnpackedPackage(unpacked, {
      configText: '{}',
      secrets: [{ label: '$KIOSK_APPSECRET', value: 's3cr3t-value-1' }],
    });
    expect(result.ok ? [] : result.error).toEqual([
      'secret inside the package: resources/app.asar/out/12345678.provision.json: its name looks like a provisioning file',
      'secret inside the package: resources/app.asar/out/notes.txt: contains the $KIOSK_APPSECRET (as text)',
      'secret inside the package: resources/appsecret.txt: its name looks like a secret',
      'secret inside the package: resources/credentials.enc.json: its name looks like a credential store',
    ]);
  });

  it('reports what the content check read', async () => {
    const result = await verifyUnpackedPackage(await makeUnpacked(complete, '{"a":1}'), {
      configText: '{"a":1}',
      secrets: [{ label: '$KIOSK_APPKEY', value: 'short' }],
    });
    expect(result.ok && result.value.scan).toEqual({ files: 5, bytes: 9, unsearched: ['$KIOSK_APPKEY'] });
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
  ])('%s is one of the credential files the build leaves out: %s', (name, expected) => {
    expect(isExcludedCredentialFileName(name)).toBe(expected);
  });
});
