import type { UnitFault } from '../incidents/incident-capture';
import type { DispenseOutcome } from '../ports/board';
import type { TestDispenseRow } from '../ports/test-dispense-store';
import type { EngineDeps } from '../redemption/deps';
import { quarantineReason } from '../redemption/slot-health';

/** What a test dispense needs of the engine's wiring: the same store, board, settings and slot rules. */
export type TestDeps = Pick<
  EngineDeps,
  | 'store'
  | 'board'
  | 'clock'
  | 'logger'
  | 'slotRequest'
  | 'machineBootedAt'
  | 'boardProblem'
  | 'settings'
  | 'onUnitFault'
>;

/**
 * Writes a test's outcome and what follows from it, in one commit, as a customer's unit would: an unknown
 * locks the slot, a failure that says the slot is broken (or ends a streak) quarantines it. A drop is a real
 * item gone from the slot, so it goes through the stock ledger and the next stock report; it is not a sale
 * (no code, no order). A success leaves an existing lock in place: unlocking stays the operator's decision.
 */
export const recordTestOutcome = (
  deps: TestDeps,
  test: TestDispenseRow,
  outcome: DispenseOutcome,
  /** How the board was driven, for the incident; null when it could not be asked at all. */
  trace: Pick<UnitFault, 'request' | 'phase' | 'context' | 'drivenAt' | 'preflight'> | null,
): TestDispenseRow => {
  const phase = trace?.phase ?? 'assess';
  const { store, clock, logger, settings } = deps;
  const now = clock.now();
  const reason = outcome.outcome === 'success' ? null : outcome.reason;
  const where = { addr: test.addr, slot: test.slot };
  const quarantined = store.transaction(() => {
    if (!store.finishTest(test.id, outcome.outcome, reason, now))
      throw new Error(`test dispense ${test.id} has no open intent`);
    if (outcome.outcome === 'success' && test.productId !== null)
      store.changeStock(
        test.productId,
        { delta: -1 },
        now,
        settings.reporting ? { redemptionId: null } : null,
      );
    if (outcome.outcome === 'unknown') {
      const lockReason = `test dispense: ${outcome.reason}`;
      store.lockSlot({ ...where, kind: 'unknown', reason: lockReason, redemptionId: null, lockedAt: now });
      store.audit('slot.locked', { ...where, test: test.id, reason: lockReason }, now);
    }
    const why = quarantineReason(store, where, outcome, settings.quarantineAfterFailures);
    if (why !== null) {
      store.lockSlot({ ...where, kind: 'quarantine', reason: why, redemptionId: null, lockedAt: now });
      store.audit('slot.quarantined', { ...where, test: test.id, reason: why }, now);
    }
    store.audit(
      phase === 'assess' ? 'test-dispense.assessed' : 'test-dispense.finished',
      { test: test.id, ...where, outcome: outcome.outcome, reason, by: test.source },
      now,
    );
    return why;
  });
  const fields = { test: test.id, ...where, outcome: outcome.outcome, reason, by: test.source };
  if (outcome.outcome === 'success') logger.info('test-dispense.dropped', fields);
  else {
    logger.error(`test-dispense.${outcome.outcome}`, fields);
    // The same evidence a customer's unit leaves, filed under TEST-<id>.
    if (trace)
      deps.onUnitFault({
        ...trace,
        subject: { kind: 'test', testId: test.id, ...where },
        outcome: outcome.outcome,
        reason: outcome.reason,
        startedAt: test.startedAt,
      });
  }
  if (quarantined !== null)
    logger.error('slot.quarantined', { ...where, test: test.id, reason: quarantined });
  const written = store.getTest(test.id);
  if (!written) throw new Error(`test dispense ${test.id} vanished from the journal`);
  return written;
};
