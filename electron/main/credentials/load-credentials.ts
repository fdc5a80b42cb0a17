import { err, ok, type Result } from '../../contract/result';
import { parseProvisioning } from '../../core/credentials/provisioning-file';
import type { Logger } from '../../core/ports/logger';
import type { CredentialsError, StoredCredentials } from '../../core/ports/credentials';
import { nodeCredentialFs, type CredentialFs, type CredentialPaths } from './credential-files';
import { openCredentials, sealCredentials } from './encrypted-store';
import { credentialStoreStatus, type SafeStorageLike } from './safe-storage';

export type CredentialDeps = {
  readonly safeStorage: SafeStorageLike;
  readonly paths: CredentialPaths;
  /** From the machine configuration: a provisioning file for another machine is refused. */
  readonly machineNo: string;
  /** `config.secrets.allowWeakStore`. */
  readonly allowWeakStore: boolean;
  readonly logger: Logger;
  readonly fs?: CredentialFs;
};

/** Moves a provisioning file into the encrypted store, verifies the copy, then deletes the plaintext. */
const importProvisioning = async (
  deps: CredentialDeps,
  fs: CredentialFs,
  backend: string,
  text: string,
): Promise<Result<void, CredentialsError>> => {
  const parsed = parseProvisioning(text);
  if (!parsed.ok)
    return err({ code: 'provisioning-invalid', message: `${deps.paths.provisioningFile}: ${parsed.error}` });
  if (parsed.value.machineNo !== deps.machineNo) {
    return err({
      code: 'wrong-machine',
      message: `${deps.paths.provisioningFile} is for machine ${parsed.value.machineNo}, this is machine ${deps.machineNo}`,
    });
  }
  await fs.writePrivate(
    deps.paths.storeFile,
    sealCredentials(deps.safeStorage, backend, deps.machineNo, parsed.value.credentials),
  );
  // Read back before deleting the only other copy: a keyring that encrypts but cannot decrypt must not cost the credentials.
  const check = await fs.readText(deps.paths.storeFile);
  const reopened =
    check === undefined
      ? undefined
      : openCredentials(deps.safeStorage, check, { backend, machineNo: deps.machineNo });
  if (!reopened?.ok)
    return err({
      code: 'store-unreadable',
      message: 'the encrypted copy could not be read back; the provisioning file was kept',
    });
  try {
    await fs.remove(deps.paths.provisioningFile);
    deps.logger.info('credentials.imported', { backend, machineNo: deps.machineNo });
  } catch {
    deps.logger.error('credentials.plaintext-not-deleted', { path: deps.paths.provisioningFile });
  }
  return ok(undefined);
};

/**
 * The credentials for this machine, from the OS-encrypted store, importing a provisioning file first if one
 * is waiting. Refuses a plaintext-only store unless the configuration allows it. Every failure is a value whose
 * message is safe to log and show: no credential text ever reaches an error or the log.
 */
export const loadCredentials = async (
  deps: CredentialDeps,
): Promise<Result<StoredCredentials, CredentialsError>> => {
  const fs = deps.fs ?? nodeCredentialFs;
  const status = credentialStoreStatus(deps.safeStorage, deps.allowWeakStore);
  if (status.state === 'unavailable' || status.state === 'refused-weak') {
    deps.logger.error('credentials.store-refused', { backend: status.backend, reason: status.message });
    return err({
      code: status.state === 'unavailable' ? 'encryption-unavailable' : 'weak-store-refused',
      message: status.message,
    });
  }
  if (status.state === 'ready-weak')
    deps.logger.warn('credentials.weak-store', { backend: status.backend, reason: status.message });
  try {
    const provisioning = await fs.readText(deps.paths.provisioningFile);
    if (provisioning !== undefined) {
      const imported = await importProvisioning(deps, fs, status.backend, provisioning);
      if (!imported.ok) {
        deps.logger.error('credentials.import-failed', { code: imported.error.code });
        return imported;
      }
    }
    const stored = await fs.readText(deps.paths.storeFile);
    if (stored === undefined) {
      return err({
        code: 'not-provisioned',
        message: `no credentials yet: put this machine's provisioning file at ${deps.paths.provisioningFile}`,
      });
    }
    const opened = openCredentials(deps.safeStorage, stored, {
      backend: status.backend,
      machineNo: deps.machineNo,
    });
    if (!opened.ok) deps.logger.error('credentials.unreadable', { code: opened.error.code });
    return opened;
  } catch (e) {
    const code =
      typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : 'unknown';
    deps.logger.error('credentials.io-failed', { code });
    return err({
      code: 'store-unreadable',
      message: `the credential files could not be read or written (${code})`,
    });
  }
};
