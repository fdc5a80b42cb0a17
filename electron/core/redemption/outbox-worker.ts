import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore, OutboxRow } from '../ports/store';
import type { OrderReport, VendorCloud } from '../ports/vendor-cloud';
import type { StockBooks } from '../stock/stock-books';
import { isTransient } from './cloud-error-codes';

export const maxBatch = 50;

/** Backoff for a failed send: 5 s doubling to 10 minutes. */
export const outboxDelayMs = (attempts: number): number =>
  Math.min(600_000, 5000 * 2 ** Math.min(attempts, 10));

export type OutboxDeps = {
  readonly store: KioskStore;
  readonly cloud: VendorCloud;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly books: StockBooks;
  /** A deferred consume went through: the live link queues `client.pickup_codes.put` in the same commit. */
  readonly onCodeUsed?: (pickupCodeId: number) => void;
};

/** Sends the consumes owed by offline redemptions. A code used elsewhere meanwhile is a conflict: logged and flagged. */
const sendConsumes = async (
  { store, cloud, clock, logger, onCodeUsed }: OutboxDeps,
  rows: readonly OutboxRow[],
): Promise<void> => {
  for (const row of rows) {
    const r = row.redemptionId === null ? null : store.getRedemption(row.redemptionId);
    if (!r?.pendingCode) {
      store.deleteOutbox([row.id]);
      continue;
    }
    const answer = await cloud.consume({ productId: r.productId, code: r.pendingCode, tradeId: r.tradeId });
    const now = clock.now();
    if (!answer.ok && isTransient(answer.error)) {
      store.deferOutbox([row.id], now + outboxDelayMs(row.attempts), answer.error.detail);
      continue;
    }
    store.transaction(() => {
      if (answer.ok) {
        store.patchRedemption(
          r.id,
          { orderId: answer.value.orderId, consumePending: false, pendingCode: null },
          now,
        );
        onCodeUsed?.(r.pickupCodeId);
      } else {
        const note =
          `offline conflict: ${answer.error.code} ${answer.error.vendorCode ?? ''} ${answer.error.vendorMessage ?? ''}`.trim();
        store.patchRedemption(r.id, { consumePending: false, pendingCode: null, attention: true, note }, now);
        store.audit(
          'redemption.offline-conflict',
          { redemption: r.id, cloud: answer.error.code, vendorCode: answer.error.vendorCode },
          now,
        );
        logger.error('redemption.offline-conflict', {
          redemption: r.id,
          code: r.codeMask,
          cloud: answer.error.code,
          vendorCode: answer.error.vendorCode,
        });
      }
      store.deleteOutbox([row.id]);
    });
  }
};

/** Orders resent after one failed request go in batches this small; after two, one at a time. */
export const retryBatch = 5;

/**
 * Which orders go out in this request. Orders never tried go as one batch. Orders from a batch whose answer was
 * lost (or refused) are never mixed with new ones: after one failure they go in fives, after two alone. The cloud
 * is assumed to drop a repeated trade id, but nothing documents it, so a lost answer must not multiply: before,
 * one unknown answer dragged its orders into ever larger batches (3, 7, 9 were seen, one order sent 4 times).
 * Now one lost answer costs at most the orders of that one request sent once more, and a bad order is soon
 * alone, where its refusal holds nobody else back.
 */
export const nextOrderBatch = (ready: readonly OutboxRow[]): readonly OutboxRow[] => {
  const retried = ready.filter((row) => row.attempts > 0);
  const first = retried[0];
  if (first === undefined) return ready;
  if (first.attempts >= 2) return [first];
  return retried.filter((row) => row.attempts === 1).slice(0, retryBatch);
};

const sendOrders = async (
  { store, cloud, clock, logger }: OutboxDeps,
  rows: readonly OutboxRow[],
): Promise<void> => {
  // An order whose consume is still owed waits: the cloud must see the consume first.
  const ready = nextOrderBatch(
    rows.filter((row) => {
      const r = row.redemptionId === null ? null : store.getRedemption(row.redemptionId);
      return !(r?.consumePending ?? false);
    }),
  );
  if (ready.length === 0) return;
  const answer = await cloud.uploadOrders(ready.map((row) => JSON.parse(row.payload) as OrderReport));
  const now = clock.now();
  const ids = ready.map((row) => row.id);
  if (!answer.ok) {
    store.deferOutbox(ids, now + outboxDelayMs(ready[0]?.attempts ?? 0), answer.error.detail);
    logger.warn('outbox.orders-deferred', { count: ids.length, cloud: answer.error.code });
    return;
  }
  store.transaction(() => {
    for (const row of ready) {
      const r = row.redemptionId === null ? null : store.getRedemption(row.redemptionId);
      if (r?.state === 'completed') store.moveRedemption(r.id, 'completed', 'reported', now);
    }
    store.deleteOutbox(ids);
  });
  logger.info('outbox.orders-sent', { count: ids.length });
};

/**
 * One pass over what is due: consumes first, then orders in batches of at most 50, then stock.
 * `retryNow` ignores the backoff (an operator's "send now", or the end of a test run).
 */
export const flushOutbox = async (deps: OutboxDeps, retryNow = false): Promise<void> => {
  const due = (): number => (retryNow ? Number.MAX_SAFE_INTEGER : deps.clock.now());
  await sendConsumes(deps, deps.store.dueOutbox(due(), maxBatch, 'consume'));
  for (let pass = 0; pass < 20; pass++) {
    const orders = deps.store.dueOutbox(due(), maxBatch, 'order');
    if (orders.length === 0) break;
    const before = deps.store.cloudBacklog().length;
    await sendOrders(deps, orders);
    if (deps.store.cloudBacklog().length === before) break;
  }
  await deps.books.report(retryNow);
};
