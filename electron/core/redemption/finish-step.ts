import type { RedemptionResult } from '../../contract/schemas';
import type { RedemptionRow, UnitRow } from '../ports/store';
import type { DeliveryLog, OrderReport } from '../ports/vendor-cloud';
import type { EngineDeps } from './deps';
import { itemFields } from './item-fields';
import { customerReference } from './reference';

/** Vendor delivery status per unit: 1 success, 0 failed, 5 timed out (unknown), 2 cancelled (skipped). */
const deliveryStatus = (u: UnitRow): DeliveryLog['status'] =>
  u.state === 'success' ? 1 : u.state === 'unknown' ? 5 : u.state === 'skipped' ? 2 : 0;

/** Units that certainly did not drop: failed, or skipped after a unit that was not a success. */
const notDelivered = (units: readonly UnitRow[]): number =>
  units.filter((u) => u.state === 'failed' || u.state === 'skipped').length;

export const summarise = (r: RedemptionRow, units: readonly UnitRow[], owed: number): RedemptionResult => {
  const dispensed = units.filter((u) => u.state === 'success').length;
  const unknown = units.some((u) => u.state === 'unknown' || u.state === 'intent');
  const outcome = unknown
    ? 'attention'
    : dispensed === r.quantity
      ? 'success'
      : dispensed > 0
        ? 'partial'
        : 'failed';
  return {
    redemptionId: r.id,
    outcome,
    dispensed,
    of: r.quantity,
    productName: r.productName,
    reference: customerReference(r.tradeId),
    owed,
  };
};

export const orderReport = (r: RedemptionRow, units: readonly UnitRow[]): OrderReport => ({
  tradeId: r.tradeId,
  pickupCodeId: r.pickupCodeId,
  productId: r.productId,
  quantity: r.quantity,
  price: r.price,
  createdAt: r.createdAt,
  deliveryLogs: units.map((u) => ({
    slotName: r.slotName,
    deliveryNo: `${r.tradeId}-${u.index}`,
    deliveryIndex: u.index,
    status: deliveryStatus(u),
    failReason: u.reason ?? '',
    at: u.finishedAt ?? u.startedAt,
  })),
});

/**
 * Closes a redemption: the final state, the local stock count and the reports owed to the cloud are written
 * in one transaction, so a crash can never leave a completed redemption without its report queued.
 */
export const finishStep = (deps: EngineDeps, r: RedemptionRow): RedemptionResult => {
  const { store, clock, logger, settings } = deps;
  const units = store.listUnits(r.id);
  const parent = r.parentId === null ? null : store.getRedemption(r.parentId);
  // A make-up pays back its parent's debt; what it certainly did not deliver stays owed there, not here. A unit of
  // its own left unknown leaves the debt too: it may have dropped, and paying it again could pay it twice.
  const settledNow = units.filter((u) => u.state === 'success' || u.state === 'unknown').length;
  const owed = parent ? Math.max(0, parent.owed - settledNow) : notDelivered(units);
  const result = { ...summarise(r, units, owed), ...itemFields(deps, r) };
  const now = clock.now();
  const attention = result.outcome !== 'success';
  // Delivered in full after all (an abandoned consume resumed, say): whatever flagged it no longer needs anyone.
  const resolved = !attention && r.attention;
  store.transaction(() => {
    store.moveRedemption(r.id, 'dispensing', 'completed', now, {
      owed: parent ? 0 : owed,
      attention: attention || (r.attention && !resolved),
      note: attention
        ? `${result.outcome}: ${result.dispensed} of ${result.of} dispensed`
        : resolved
          ? null
          : r.note,
    });
    // The flag goes; the audit log keeps why it had been raised.
    if (resolved)
      store.audit(
        'attention.resolved',
        { redemption: r.id, was: r.note ?? '', by: 'delivered in full' },
        now,
      );
    // Kept in the stock ledger until the cloud accepts a report carrying it; the report itself is read when sent.
    if (result.dispensed > 0)
      store.changeStock(
        r.productId,
        { delta: -result.dispensed },
        now,
        settings.reporting ? { redemptionId: r.id } : null,
      );
    if (parent) {
      store.patchRedemption(parent.id, { owed }, now);
      store.audit(
        'owed.paid',
        {
          redemption: r.id,
          parent: parent.id,
          dispensed: result.dispensed,
          settled: settledNow,
          stillOwed: owed,
        },
        now,
      );
    }
    // The vendor's order for this code already exists, with the units that failed; there is no call to amend
    // its delivery log, and a second order would count the sale twice. A make-up is reported through stock only.
    if (settings.reporting && !parent) {
      store.enqueueOutbox('order', r.id, JSON.stringify(orderReport(r, units)), now);
    } else {
      store.moveRedemption(r.id, 'completed', 'reported', now);
    }
    store.audit(
      'redemption.completed',
      { redemption: r.id, outcome: result.outcome, dispensed: result.dispensed, of: result.of },
      now,
    );
  });
  logger.info('redemption.completed', {
    redemption: r.id,
    outcome: result.outcome,
    dispensed: result.dispensed,
    of: result.of,
    owed,
  });
  return result;
};
