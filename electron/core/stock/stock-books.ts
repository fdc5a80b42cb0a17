import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore, StockMark } from '../ports/store';
import type { CloudErrorCode, Product, StockReport, VendorCloud } from '../ports/vendor-cloud';
import { outboxDelayMs } from '../redemption/outbox-worker';
import { reconcileFigure } from './reconcile';

export type StockBooks = {
  /** A mark taken before a refresh reads the cloud's figures; `reconcile` needs it to know what may have moved since. */
  epoch(): number;
  /**
   * The cloud's product list with each figure made true for this machine: the cloud's count plus the changes it has
   * not seen; the local count kept where the cloud may or may not have seen them (a report unanswered, or one sent
   * or accepted while the list was being read).
   */
  reconcile(cloudProducts: readonly Product[], epoch: number): Product[];
  /** Reports every product with unaccepted changes, each figure read now. One report at a time. */
  report(retryNow?: boolean): Promise<void>;
};

export type StockBooksDeps = {
  readonly store: KioskStore;
  readonly cloud: VendorCloud;
  readonly clock: Clock;
  readonly logger: Logger;
};

const attemptsKey = 'stock.attempts';
/** Failures after which the request may have been applied: no answer, a cut connection, a 5xx, a garbled body. */
const mayHaveApplied: ReadonlySet<CloudErrorCode> = new Set(['network', 'timeout', 'http', 'malformed']);
const nextAttemptKey = 'stock.nextAttemptAt';

/**
 * The kiosk's stock books. The vendor's stock call takes absolute figures, so two rules keep the cloud right:
 * a figure is read when its report is sent (a queued figure could be sent after a newer one and overwrite it),
 * and a change leaves the ledger only when the cloud has accepted a report carrying it (a refresh that replaced
 * the count with the cloud's would otherwise drop it). Reports are sent one at a time, so none overtakes another.
 */
export const createStockBooks = ({ store, cloud, clock, logger }: StockBooksDeps): StockBooks => {
  // Ticks on every report start and end; a product touched after a refresh's epoch keeps its local figure.
  let generation = 0;
  const touchedAt = new Map<number, number>();
  const inFlight = new Set<number>();
  let running: Promise<void> | null = null;

  const touch = (marks: readonly StockMark[]): void => {
    generation++;
    for (const m of marks) touchedAt.set(m.productId, generation);
  };

  const send = async (retryNow: boolean): Promise<void> => {
    const now = clock.now();
    const attempts = Number(store.getMeta(attemptsKey) ?? '0');
    if (!retryNow && now < Number(store.getMeta(nextAttemptKey) ?? '0')) return;
    const items: StockReport[] = [];
    const marks: StockMark[] = [];
    // Products with no earlier report in doubt: a plain refusal of this one leaves them certain again.
    const wereCertain: StockMark[] = [];
    const gone: StockMark[] = [];
    for (const p of store.pendingStock()) {
      const product = store.getProduct(p.productId);
      if (!product) {
        gone.push(p);
        continue;
      }
      items.push({
        addr: product.addr,
        // The product id names the slot unambiguously; the cloud accepts it in place of a motor code.
        slotCode: '',
        productId: product.productId,
        currentInventory: product.stock,
        inventory: product.capacity,
      });
      marks.push(p);
      if (!p.inDoubt) wereCertain.push(p);
    }
    if (gone.length > 0) {
      store.settleStock(gone);
      logger.warn('stock.product-gone', { products: gone.map((g) => g.productId).join(',') });
    }
    if (items.length === 0) return;
    // Marked before the request leaves: a crash or a lost answer must not let a refresh add these changes twice.
    store.markStockInDoubt(marks);
    touch(marks);
    marks.forEach((m) => inFlight.add(m.productId));
    try {
      const answer = await cloud.updateStock(items);
      if (answer.ok) {
        store.settleStock(marks);
        if (attempts !== 0) {
          store.setMeta(attemptsKey, '0');
          store.setMeta(nextAttemptKey, '0');
        }
        logger.info('stock.reported', { products: items.length });
      } else {
        if (!mayHaveApplied.has(answer.error.code)) store.clearStockDoubt(wereCertain);
        store.setMeta(attemptsKey, String(attempts + 1));
        store.setMeta(nextAttemptKey, String(clock.now() + outboxDelayMs(attempts)));
        logger.warn('stock.report-deferred', { products: items.length, cloud: answer.error.code });
      }
    } finally {
      marks.forEach((m) => inFlight.delete(m.productId));
      touch(marks);
    }
  };

  return {
    epoch: () => generation,
    reconcile(cloudProducts, epoch) {
      const pending = new Map(store.pendingStock().map((p) => [p.productId, p]));
      // One read of the local list, not one per product: a refresh carries every product on the machine.
      const locals = new Map(store.listProducts().map((p) => [p.productId, p]));
      return cloudProducts.map((p) => {
        const local = locals.get(p.productId);
        const mayHaveMoved = inFlight.has(p.productId) || (touchedAt.get(p.productId) ?? -1) > epoch;
        const ledger = pending.get(p.productId);
        if (local && (mayHaveMoved || ledger?.inDoubt === true)) return { ...p, stock: local.stock };
        if (ledger) return { ...p, stock: reconcileFigure(p.stock, ledger.changes) };
        return p;
      });
    },
    report(retryNow = false) {
      running ??= send(retryNow).finally(() => {
        running = null;
      });
      return running;
    },
  };
};
