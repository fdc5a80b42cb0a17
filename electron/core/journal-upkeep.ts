import { err, ok, type Result } from '../contract/result';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { KioskStore } from './ports/store';

type UpkeepDeps = { readonly store: KioskStore; readonly clock: Clock; readonly logger: Logger };

const DAY_MS = 86_400_000;

/** Keeps the journal bounded: history past the retention window goes, anything still needed stays. */
export const pruneJournal = ({ store, clock, logger }: UpkeepDeps, retentionDays: number): void => {
  const removed = store.pruneBefore(clock.now() - retentionDays * DAY_MS);
  if (Object.values(removed).some((n) => n > 0)) logger.info('journal.pruned', removed);
};

/**
 * An operator settled what a code was owed (handed the items over, or refunded): nothing more is dispensed for
 * it. Answers how many units were settled; audited in the same commit.
 */
export const settleOwed = (
  { store, clock, logger }: UpkeepDeps,
  redemptionId: string,
): Result<number, 'not-found' | 'nothing-owed'> => {
  const r = store.getRedemption(redemptionId);
  if (!r) return err('not-found');
  if (r.owed === 0) return err('nothing-owed');
  const now = clock.now();
  store.transaction(() => {
    store.patchRedemption(r.id, { owed: 0 }, now);
    store.audit('owed.settled', { redemption: r.id, units: r.owed, by: 'operator' }, now);
  });
  logger.info('owed.settled', { redemption: r.id, code: r.codeMask, units: r.owed });
  return ok(r.owed);
};

/** An operator's unlock of a slot, audited when there was a lock to clear. */
export const clearSlotLock = ({ store, clock }: UpkeepDeps, addr: number, slot: number): boolean => {
  const cleared = store.clearSlotLock(addr, slot);
  if (cleared) store.audit('slot.unlocked', { addr, slot }, clock.now());
  return cleared;
};
