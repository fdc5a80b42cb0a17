import { z } from 'zod';
import type { KioskStore } from '../ports/store';

/** The meta key the ledger is kept under, beside the throttle's state. */
export const ALERT_LEDGER_KEY = 'alerts.ledger';

const entrySchema = z.strictObject({
  /** The raised alert's id (a `cleared` names it); null while the hourly limit holds it back. */
  id: z.string().nullable(),
  kind: z.string(),
  clears: z.boolean(),
});

const ledgerSchema = z.strictObject({
  version: z.literal(1),
  /** Every condition seen and not yet ended, by key: what makes "once while it lasts" survive a restart. */
  active: z.record(z.string(), entrySchema),
  /** When each alert of the last hour was queued, oldest first: the rate limit's window. */
  sentAt: z.array(z.number()),
  /** Alerts the limit cost for good (a condition that ended while held back, a `cleared` with no room). */
  missed: z.number().int().nonnegative(),
});

export type AlertLedgerEntry = z.infer<typeof entrySchema>;
export type AlertLedger = z.infer<typeof ledgerSchema>;

export const emptyLedger = (): AlertLedger => ({ version: 1, active: {}, sentAt: [], missed: 0 });

/**
 * Read with a fallback: a ledger that cannot be read (damaged, or from a later version) starts empty, which
 * at worst sends each lasting condition once more. That beats never alerting again.
 */
export const loadLedger = (store: Pick<KioskStore, 'getMeta'>): AlertLedger => {
  const text = store.getMeta(ALERT_LEDGER_KEY);
  if (text === null) return emptyLedger();
  try {
    const parsed = ledgerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : emptyLedger();
  } catch {
    return emptyLedger();
  }
};

export const saveLedger = (store: Pick<KioskStore, 'setMeta'>, ledger: AlertLedger): void => {
  store.setMeta(ALERT_LEDGER_KEY, JSON.stringify(ledger));
};
