import { z } from 'zod';
import { intRange, outboundUrl, section, showValue } from './schema-fields';

/**
 * Where alerts go: the same rule as the vendor cloud's URL (https, plain http only to this machine, no user,
 * password, query or fragment). A query is refused on purpose: a token in it would be a secret in a file that
 * holds none, and would land in logs; the HMAC signature is what proves an alert came from this machine.
 */
const webhookUrlSchema = outboundUrl(
  z.string({ error: (iss) => `must be an https:// URL or null, got ${showValue(iss.input)}` }),
);

/** The `alerts` section of the machine configuration: off (no webhook) unless an installer names one. */
export const alertsSchema = section({
  /** Null: no alert leaves the machine (logged once at start). */
  webhookUrl: webhookUrlSchema.nullable().default(null),
  /** A board that has not answered for this long is worth waking someone; a short cable glitch is not. */
  boardDownMinutes: intRange(1, 120, 'minutes').default(3),
  /** Reports waiting for the cloud above this many: the cloud has refused or missed them for a while. */
  outboxAlertAt: intRange(10, 100_000, 'reports').default(200),
  /** ... or the oldest waiting report older than this. */
  outboxAlertAfterMinutes: intRange(5, 10_080, 'minutes').default(60),
  /**
   * Alerts sent in any 60 minutes, cleared ones included. A lasting condition held back is sent once there is
   * room; one that ended meanwhile is counted in the next alert.
   */
  maxPerHour: intRange(1, 1000, 'alerts').default(20),
}).prefault({});

export type AlertsConfig = z.infer<typeof alertsSchema>;
