import { z } from 'zod';

/**
 * Error codes that may cross the bridge. They are codes, not sentences: the renderer turns them into
 * plain words in the customer's language, and nothing from the vendor or the OS leaks through.
 */
export const ipcErrorCodes = [
  'invalid-input',
  'forbidden',
  'internal',
  'busy',
  'bad-format',
  'locked-out',
  'unknown-code',
  /** Not in the code list yet, which is being refreshed now: the code may be new; try again in a few seconds. */
  'code-checking',
  'code-used',
  'code-expired',
  'cloud-unreachable',
  'out-of-service',
  /** The slot holds fewer items than the code is for: nothing was consumed, the code still works. */
  'out-of-stock',
  /** Maintenance screen: the PIN did not match (too many in a row answer `locked-out`). */
  'pin-wrong',
  /** Maintenance screen: this machine's configuration sets no PIN hash. */
  'maintenance-disabled',
] as const;

export const ipcErrorCodeSchema = z.enum(ipcErrorCodes);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export const ipcErrorSchema = z
  .object({
    code: ipcErrorCodeSchema,
    /** Seconds until entry (or the maintenance PIN) unlocks, set with `locked-out`. */
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    /** Wrong codes still allowed before entry locks, set with a refusal that counted as a wrong code. */
    triesLeft: z.number().int().nonnegative().max(10_000).optional(),
  })
  .strict();
export type IpcError = z.infer<typeof ipcErrorSchema>;
