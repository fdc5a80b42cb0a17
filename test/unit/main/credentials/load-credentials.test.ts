import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeProvisioning } from '../../../../electron/core/credentials/provisioning-file';
import {
  credentialPaths,
  nodeCredentialFs,
  type CredentialFs,
  type CredentialPaths,
} from '../../../../electron/main/credentials/credential-files';
import { loadCredentials, type CredentialDeps } from '../../../../electron/main/credentials/load-credentials';
import { FakeSafeStorage } from '../../../fakes/fake-safe-storage';
import { MemoryLogger } from '../../../fakes/memory-logger';

const credentials = { appId: 'test-appid', appSecret: 'test-secret', appKey: 'TESTKEY' };
const SECRETS = Object.values(credentials);

let dir: string;
let paths: CredentialPaths;
let logger: MemoryLogger;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-credentials-'));
  paths = credentialPaths(dir);
  logger = new MemoryLogger();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const provision = (machineNo = '12345678'): Promise<void> =>
  writeFile(paths.provisioningFile, serializeProvisioning({ machineNo, credentials }));
const deps = (safeStorage: FakeSafeStorage, extra: Partial<CredentialDeps> = {}): CredentialDeps => ({
  safeStorage,
  paths,
  machineNo: '12345678',
  allowWeakStore: false,
  logger,
  ...extra,
});
const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** No credential may appear in an error or a log line, whatever went wrong. */
const expectNoSecretLeak = (result: unknown): void => {
  const text = `${JSON.stringify(result)}\n${logger.text()}`;
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

describe('loadCredentials: first start with a provisioning file', () => {
  it('imports into the encrypted store, deletes the plaintext, and returns the credentials', async () => {
    await provision();
    const storage = new FakeSafeStorage();
    expect(await loadCredentials(deps(storage))).toEqual({ ok: true, value: credentials });
    expect(await exists(paths.provisioningFile)).toBe(false);
    const stored = await readFile(paths.storeFile, 'utf8');
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    expect((await stat(paths.storeFile)).mode & 0o777).toBe(0o600);
    expect(logger.has('credentials.imported')).toBe(true);
    expectNoSecretLeak(logger.lines);
  });

  it('reads the store on later starts, with no provisioning file', async () => {
    await provision();
    const storage = new FakeSafeStorage();
    await loadCredentials(deps(storage));
    expect(await loadCredentials(deps(storage))).toEqual({ ok: true, value: credentials });
  });

  it('replaces stored credentials when a new provisioning file arrives', async () => {
    const storage = new FakeSafeStorage();
    await provision();
    await loadCredentials(deps(storage));
    const rotated = { ...credentials, appSecret: 'test-secret-2' };
    await writeFile(
      paths.provisioningFile,
      serializeProvisioning({ machineNo: '12345678', credentials: rotated }),
    );
    expect(await loadCredentials(deps(storage))).toEqual({ ok: true, value: rotated });
  });

  it('keeps the plaintext when the encrypted copy cannot be read back', async () => {
    await provision();
    const storage = new FakeSafeStorage();
    storage.failDecrypt = true;
    const result = await loadCredentials(deps(storage));
    expect(result.ok ? undefined : result.error.code).toBe('store-unreadable');
    expect(await exists(paths.provisioningFile)).toBe(true);
    expectNoSecretLeak(result);
  });

  it('still works, and says so in the log, when the plaintext cannot be deleted', async () => {
    await provision();
    const fs: CredentialFs = { ...nodeCredentialFs, remove: () => Promise.reject(new Error('EBUSY')) };
    expect((await loadCredentials(deps(new FakeSafeStorage(), { fs }))).ok).toBe(true);
    expect(logger.lines.find((l) => l.event === 'credentials.plaintext-not-deleted')?.level).toBe('error');
  });
});

describe('loadCredentials: refusals, each a value with a safe message', () => {
  it.each([
    ['not provisioned', () => Promise.resolve(), () => new FakeSafeStorage(), {}, 'not-provisioned'],
    [
      'a provisioning file for another machine',
      () => provision('87654321'),
      () => new FakeSafeStorage(),
      {},
      'wrong-machine',
    ],
    [
      'a damaged provisioning file',
      () => writeFile(paths.provisioningFile, '{"appSecret": "test-secret"'),
      () => new FakeSafeStorage(),
      {},
      'provisioning-invalid',
    ],
    [
      'no OS encryption at all',
      () => provision(),
      () => Object.assign(new FakeSafeStorage(), { available: false }),
      {},
      'encryption-unavailable',
    ],
    [
      'the plaintext basic_text backend',
      () => provision(),
      () => new FakeSafeStorage('basic_text'),
      {},
      'weak-store-refused',
    ],
    [
      'asked before the app was ready',
      () => provision(),
      () => new FakeSafeStorage('unknown'),
      {},
      'encryption-unavailable',
    ],
  ] as const)('%s', async (_name, setup, storage, extra, code) => {
    await setup();
    const result = await loadCredentials(deps(storage(), extra));
    expect(result.ok ? undefined : result.error.code).toBe(code);
    expectNoSecretLeak(result);
  });

  it('keeps the plaintext file when the weak store is refused, so the installer can fix the machine and restart', async () => {
    await provision();
    await loadCredentials(deps(new FakeSafeStorage('basic_text')));
    expect(await exists(paths.provisioningFile)).toBe(true);
    expect(logger.lines.find((l) => l.event === 'credentials.store-refused')?.fields.backend).toBe(
      'basic_text',
    );
  });

  it('accepts basic_text when the configuration allows it, with a warning in the log', async () => {
    await provision();
    const result = await loadCredentials(deps(new FakeSafeStorage('basic_text'), { allowWeakStore: true }));
    expect(result).toEqual({ ok: true, value: credentials });
    expect(logger.lines.find((l) => l.event === 'credentials.weak-store')?.level).toBe('warn');
  });

  it('explains a keyring that changed since the credentials were stored', async () => {
    await provision();
    await loadCredentials(deps(new FakeSafeStorage('gnome_libsecret')));
    const result = await loadCredentials(
      deps(new FakeSafeStorage('basic_text', 0x33), { allowWeakStore: true }),
    );
    expect(result.ok ? undefined : result.error).toEqual({
      code: 'backend-changed',
      message:
        'credentials were stored with gnome_libsecret but the OS now offers basic_text; unlock the keyring or provision again',
    });
  });

  it('refuses a store that another keyring encrypted', async () => {
    await provision();
    await loadCredentials(deps(new FakeSafeStorage('kwallet5', 0x11)));
    const result = await loadCredentials(deps(new FakeSafeStorage('kwallet5', 0x22)));
    expect(result.ok ? undefined : result.error.code).toBe('store-unreadable');
    expectNoSecretLeak(result);
  });

  it('refuses a damaged store file', async () => {
    await writeFile(paths.storeFile, '{"version":1');
    const result = await loadCredentials(deps(new FakeSafeStorage()));
    expect(result.ok ? undefined : result.error.code).toBe('store-unreadable');
  });

  it('turns an unexpected file error into a value', async () => {
    const fs: CredentialFs = {
      ...nodeCredentialFs,
      readText: () => Promise.reject(Object.assign(new Error('test-secret'), { code: 'EIO' })),
    };
    const result = await loadCredentials(deps(new FakeSafeStorage(), { fs }));
    expect(result.ok ? undefined : result.error).toEqual({
      code: 'store-unreadable',
      message: 'the credential files could not be read or written (EIO)',
    });
    expectNoSecretLeak(result);
  });

  it('works on Windows and macOS, where there is no backend to ask', async () => {
    await provision();
    expect(await loadCredentials(deps(new FakeSafeStorage(null)))).toEqual({ ok: true, value: credentials });
  });
});
