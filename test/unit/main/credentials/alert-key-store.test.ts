import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeProvisioning } from '../../../../electron/core/credentials/provisioning-file';
import {
  credentialPaths,
  type CredentialPaths,
} from '../../../../electron/main/credentials/credential-files';
import { sealCredentials } from '../../../../electron/main/credentials/encrypted-store';
import { loadCredentials, type CredentialDeps } from '../../../../electron/main/credentials/load-credentials';
import { FakeSafeStorage } from '../../../fakes/fake-safe-storage';
import { MemoryLogger } from '../../../fakes/memory-logger';

const credentials = { appId: 'test-appid', appSecret: 'test-secret', appKey: 'TESTKEY' };
const alertKey = 'test-alert-key-0123456789';

let dir: string;
let paths: CredentialPaths;
let logger: MemoryLogger;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-alert-key-'));
  paths = credentialPaths(dir);
  logger = new MemoryLogger();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const deps = (safeStorage: FakeSafeStorage): CredentialDeps => ({
  safeStorage,
  paths,
  machineNo: '12345678',
  allowWeakStore: false,
  logger,
});

describe('the alert key in the encrypted store', () => {
  it('moves in with the credentials and comes back on every later start, never logged', async () => {
    await writeFile(
      paths.provisioningFile,
      serializeProvisioning({ machineNo: '12345678', credentials: { ...credentials, alertKey } }),
    );
    const storage = new FakeSafeStorage();
    expect(await loadCredentials(deps(storage))).toEqual({ ok: true, value: { ...credentials, alertKey } });
    expect(await loadCredentials(deps(storage))).toEqual({ ok: true, value: { ...credentials, alertKey } });
    expect(logger.text()).not.toContain(alertKey);
  });

  it('opens a store sealed before alerts existed, without a key', async () => {
    const storage = new FakeSafeStorage();
    const backend = storage.getSelectedStorageBackend?.() ?? 'os';
    await writeFile(paths.storeFile, sealCredentials(storage, backend, '12345678', credentials));
    const loaded = await loadCredentials(deps(storage));
    expect(loaded).toEqual({ ok: true, value: credentials });
  });
});
