import { z } from 'zod';
import { err, ok, type Result } from '../../contract/result';
import type { StoredCredentials } from '../ports/credentials';

/**
 * The provisioning file carries one machine's vendor credentials from the installer to the machine, once.
 * It is written by `kioskctl provision` (or the fleet build) with mode 0600, never packaged, and deleted by the
 * app after it has moved the credentials into the OS-encrypted store.
 * Nothing here ever echoes a value: a problem names the field only.
 */
export const PROVISIONING_KIND = 'pickup-kiosk-provisioning';

/** Vendor credentials are opaque tokens: printable, no spaces, bounded so a pasted file is caught. */
const token = z.string().regex(/^[\x21-\x7e]{1,256}$/);

/** The alert key is the installer's own (shared with the webhook's receiver): long enough not to be guessed. */
export const alertKeyToken = z.string().regex(/^[\x21-\x7e]{16,256}$/);

const provisioningSchema = z.strictObject({
  kind: z.literal(PROVISIONING_KIND),
  version: z.literal(1),
  machineNo: z.string().regex(/^\d{8}$/),
  appId: token,
  appSecret: token,
  appKey: token,
  /** Optional: only a machine that sends alerts needs one. */
  alertKey: alertKeyToken.optional(),
  /** Optional: the vendor broker's login, for a machine on the live link. */
  mqttUsername: token.optional(),
  mqttPassword: token.optional(),
});

export type Provisioning = { readonly machineNo: string; readonly credentials: StoredCredentials };

export const credentialFieldProblem = (name: string, value: string | undefined): string | undefined => {
  if (value === undefined || value === '') return `${name} is missing`;
  return token.safeParse(value).success
    ? undefined
    : `${name} must be 1–256 printable characters without spaces`;
};

export const serializeProvisioning = (p: Provisioning): string =>
  `${JSON.stringify({ kind: PROVISIONING_KIND, version: 1, machineNo: p.machineNo, ...p.credentials }, null, 2)}\n`;

/** Field names only, never values: the text may be a credential typed into the wrong place. */
export const parseProvisioning = (text: string): Result<Provisioning, string> => {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return err('the provisioning file is not valid JSON');
  }
  const parsed = provisioningSchema.safeParse(data);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => (i.path.length ? i.path.join('.') : 'file')))];
    return err(
      `the provisioning file is not usable (check: ${fields.join(', ')}); make a new one with kioskctl provision`,
    );
  }
  const { machineNo, appId, appSecret, appKey, alertKey, mqttUsername, mqttPassword } = parsed.data;
  return ok({
    machineNo,
    credentials: {
      appId,
      appSecret,
      appKey,
      ...(alertKey ? { alertKey } : {}),
      ...(mqttUsername ? { mqttUsername } : {}),
      ...(mqttPassword ? { mqttPassword } : {}),
    },
  });
};
