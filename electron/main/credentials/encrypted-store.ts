import { z } from 'zod';
import { err, ok, type Result } from '../../contract/result';
import type { CredentialsError, StoredCredentials } from '../../core/ports/credentials';
import type { SafeStorageLike } from './safe-storage';

/**
 * The encrypted credential record. `backend` remembers which keyring encrypted it: Chromium silently falls
 * back to basic_text when a keyring is locked or missing, and decrypting then fails or, worse, a later write
 * would quietly downgrade the protection. A changed backend is therefore an explicit, explained error.
 */
const recordSchema = z.strictObject({
  version: z.literal(1),
  backend: z.string(),
  machineNo: z.string(),
  data: z.base64(),
});

const credentialsSchema = z.strictObject({
  appId: z.string().min(1),
  appSecret: z.string().min(1),
  appKey: z.string().min(1),
  /** Stores made before alerts existed have none, and stay readable. */
  alertKey: z.string().min(1).optional(),
  mqttUsername: z.string().min(1).optional(),
  mqttPassword: z.string().min(1).optional(),
});

export type StoreRecord = z.infer<typeof recordSchema>;

export const sealCredentials = (
  safeStorage: SafeStorageLike,
  backend: string,
  machineNo: string,
  credentials: StoredCredentials,
): string => {
  const data = safeStorage.encryptString(JSON.stringify(credentials)).toString('base64');
  return `${JSON.stringify({ version: 1, backend, machineNo, data } satisfies StoreRecord, null, 2)}\n`;
};

const unreadable = (why: string): CredentialsError => ({
  code: 'store-unreadable',
  message: `the encrypted credential store ${why}; provision this machine again`,
});

/** Opens a stored record. Messages describe the failure only; decrypted text never reaches an error. */
export const openCredentials = (
  safeStorage: SafeStorageLike,
  text: string,
  expected: { readonly backend: string; readonly machineNo: string },
): Result<StoredCredentials, CredentialsError> => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(unreadable('is damaged (not JSON)'));
  }
  const record = recordSchema.safeParse(json);
  if (!record.success) return err(unreadable('is damaged'));
  if (record.data.backend !== expected.backend) {
    return err({
      code: 'backend-changed',
      message: `credentials were stored with ${record.data.backend} but the OS now offers ${expected.backend}; unlock the keyring or provision again`,
    });
  }
  if (record.data.machineNo !== expected.machineNo) {
    return err({
      code: 'wrong-machine',
      message: `stored credentials belong to machine ${record.data.machineNo}, not ${expected.machineNo}`,
    });
  }
  let plain: string;
  try {
    plain = safeStorage.decryptString(Buffer.from(record.data.data, 'base64'));
  } catch {
    return err(unreadable("cannot be decrypted with this user's keyring"));
  }
  let inner: unknown;
  try {
    inner = JSON.parse(plain);
  } catch {
    return err(unreadable('decrypted to something that is not a credential record'));
  }
  const credentials = credentialsSchema.safeParse(inner);
  return credentials.success
    ? ok(credentials.data)
    : err(unreadable('decrypted to something that is not a credential record'));
};
