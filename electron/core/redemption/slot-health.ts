import type { DispenseOutcome } from '../ports/board';
import type { KioskStore } from '../ports/store';
import { describeFault } from '../protocol/modbus/fault-codes';

/**
 * Why a failed unit takes its slot out of service, or null when it does not. A fault that is the slot's own (a
 * jam, a motor that draws no or too much current) would fail the next customer the same way, after their code
 * was consumed; so does a slot that keeps failing for reasons the board does not name. Called after the unit's
 * outcome is written, so the streak counts it.
 */
export const quarantineReason = (
  store: KioskStore,
  where: { readonly addr: number; readonly slot: number },
  outcome: DispenseOutcome,
  afterFailures: number,
): string | null => {
  if (outcome.outcome !== 'failed') return null;
  if (outcome.faultCode !== null && describeFault(outcome.faultCode).slotBroken === true)
    return `quarantined: ${outcome.reason}`;
  if (afterFailures === 0) return null;
  // Operators' test dispenses count too: a slot that fails its test fails its next customer the same way.
  const recent = store.recentSlotOutcomes(where.addr, where.slot, afterFailures);
  return recent.length === afterFailures && recent.every((s) => s === 'failed')
    ? `quarantined: ${afterFailures} failed units in a row, the last: ${outcome.reason}`
    : null;
};
