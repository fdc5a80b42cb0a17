import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import type { LiveFields } from './live-message';

export type GuardRefusal = 'missing-fields' | 'wrong-machine' | 'stale' | 'future' | 'replayed';

export type MessageGuardOptions = {
  /** How far a message's `timestamp` may be from the kiosk's clock, either way; exactly this much is accepted. */
  readonly toleranceSeconds: number;
  /** Most signs remembered at once; the oldest are forgotten first. */
  readonly rememberMax?: number;
  /** When given, `client_id` must be exactly this machine number. */
  readonly machineNo?: string;
};

export type MessageGuard = {
  /** Run on every opened message before acting on it; an accepted message's sign is remembered. */
  readonly check: (fields: LiveFields, nowMs: number) => Result<void, GuardRefusal>;
  /** How many signs are remembered now: for diagnostics and tests. */
  readonly remembered: () => number;
};

const DEFAULT_REMEMBER_MAX = 10_000;

/**
 * The vendor documents neither a timestamp window nor replay rules (vendor-mqtt.md, open questions): a message
 * recorded off the broker must not be able to hand out a pickup code twice, so the kiosk enforces both.
 *
 * The sign covers the timestamp and every field, so it names one message. A sign is only needed while its
 * message is inside the window: after that the timestamp check refuses a replay by itself. The bound caps
 * memory under a flood; a message evicted by it early could be replayed inside its window, which is the
 * price of not growing without limit (10,000 signs are ~30 messages a second for a 5-minute window).
 */
export const createMessageGuard = (options: MessageGuardOptions): MessageGuard => {
  const toleranceMs = options.toleranceSeconds * 1000;
  const rememberMax = Math.max(1, options.rememberMax ?? DEFAULT_REMEMBER_MAX);
  // Insertion order is the eviction order; the value is the message's own time, which decides when it expires.
  const seen = new Map<string, number>();

  const forgetExpired = (nowMs: number): void => {
    // Messages arrive roughly in time order, so pruning from the oldest end and stopping at the first live
    // one is enough; a straggler behind it waits for the next pass or the bound.
    for (const [sign, atMs] of seen) {
      if (nowMs - atMs <= toleranceMs) return;
      seen.delete(sign);
    }
  };

  const check = (fields: LiveFields, nowMs: number): Result<void, GuardRefusal> => {
    const { timestamp, method, sign, client_id: clientId } = fields;
    if (timestamp === undefined || !/^\d+$/.test(timestamp)) return err('missing-fields');
    if (method === undefined || method === '' || sign === undefined || sign === '')
      return err('missing-fields');
    if (options.machineNo !== undefined) {
      if (clientId === undefined || clientId === '') return err('missing-fields');
      if (clientId !== options.machineNo) return err('wrong-machine');
    }

    const atMs = Number(timestamp) * 1000;
    if (nowMs - atMs > toleranceMs) return err('stale');
    if (atMs - nowMs > toleranceMs) return err('future');

    forgetExpired(nowMs);
    // openLiveMessage accepts lower-case hex too: the same message must not pass twice by changing case.
    const key = sign.toUpperCase();
    if (seen.has(key)) return err('replayed');
    seen.set(key, atMs);
    while (seen.size > rememberMax) {
      const oldest = seen.keys().next();
      if (oldest.done === true) break;
      seen.delete(oldest.value);
    }
    return ok(undefined);
  };

  return { check, remembered: () => seen.size };
};
