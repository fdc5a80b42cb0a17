import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../../core/ports/logger';
import type { CredentialFs } from './credential-files';
import type { SafeStorageLike } from './safe-storage';

/** Next to the credential store, encrypted the same way: the key the cached codes are hashed under. */
export const CODE_KEY_FILE = 'code-key.enc.json';

const recordSchema = z.strictObject({ version: z.literal(1), backend: z.string(), data: z.base64() });

export type CodeKeyDeps = {
  readonly safeStorage: SafeStorageLike;
  /** The OS store's backend (credentialStoreStatus), recorded so a silent keyring change is noticed. */
  readonly backend: string;
  readonly file: string;
  readonly fs: CredentialFs;
  readonly logger: Logger;
};

const open = (deps: CodeKeyDeps, text: string): Buffer | null => {
  try {
    const record = recordSchema.parse(JSON.parse(text));
    if (record.backend !== deps.backend) return null;
    const key = Buffer.from(deps.safeStorage.decryptString(Buffer.from(record.data, 'base64')), 'base64');
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
};

/**
 * The code-hash key: read from its encrypted file, or made (32 random bytes) and stored on first use. A file that
 * cannot be opened any more (another keyring, damage) is replaced by a new key: nothing is lost but the cached
 * hashes, which the core re-makes from the cloud (see loadCodeHasher). The key never reaches the log.
 */
export const loadCodeKey = async (deps: CodeKeyDeps): Promise<Buffer> => {
  const text = await deps.fs.readText(deps.file);
  const existing = text === undefined ? null : open(deps, text);
  if (existing !== null) return existing;
  if (text !== undefined)
    deps.logger.warn('code-key.replaced', { reason: 'the stored key could not be opened' });
  const key = randomBytes(32);
  const data = deps.safeStorage.encryptString(key.toString('base64')).toString('base64');
  await deps.fs.writePrivate(
    deps.file,
    `${JSON.stringify({ version: 1, backend: deps.backend, data }, null, 2)}\n`,
  );
  const check = await deps.fs.readText(deps.file);
  if (check === undefined || open(deps, check)?.equals(key) !== true)
    throw new Error('the code key could not be read back from the OS-encrypted store');
  deps.logger.info('code-key.created', { backend: deps.backend });
  return key;
};
