import type { EngineDeps } from './deps';
import type { RedemptionEngine } from './engine';

export type RecoverySummary = { readonly resolved: number; readonly stillOpen: number };

/**
 * Resolves every redemption a crash or power cut left mid-way, before the kiosk accepts a new code.
 * Mid-consume: the consume is retried with its recorded trade id. Consumed or mid-dispense: the units are
 * settled from the board's own status (never by repeating a command) and the rest dispensed, since the
 * customer is normally still standing at the machine after a watchdog restart.
 */
export const recoverInterrupted = async (
  deps: EngineDeps,
  engine: RedemptionEngine,
): Promise<RecoverySummary> => {
  const { store, logger, clock } = deps;
  const open = store.listRedemptions(['matched', 'consuming', 'consumed', 'dispensing']);
  let resolved = 0;
  for (const r of open) {
    logger.warn('recovery.found', { redemption: r.id, state: r.state, code: r.codeMask });
    store.audit('recovery.found', { redemption: r.id, state: r.state }, clock.now());
    const request = deps.slotRequest(r.addr, r.slot);
    if (!request) {
      logger.error('recovery.slot-not-configured', { redemption: r.id, addr: r.addr, slot: r.slot });
      continue;
    }
    if (r.state === 'matched' || r.state === 'consuming') {
      await engine.resumeConsuming(r, request);
    } else {
      await engine.finishConsumed(r, request);
    }
    resolved++;
  }
  const stillOpen = store.listRedemptions(['matched', 'consuming', 'consumed', 'dispensing']).length;
  if (open.length > 0) logger.info('recovery.done', { resolved, stillOpen });
  return { resolved, stillOpen };
};
