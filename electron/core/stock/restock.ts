import { err, ok, type Result } from '../../contract/result';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';

export type RestockError = 'unknown-product' | 'out-of-range';
export type Restocked = { readonly productId: number; readonly from: number; readonly to: number };

/**
 * An operator filled a slot and counted it. The count is a fact about the slot, so it replaces whatever the
 * ledger held before it (later sales still count down from it), goes through the same ledger as every sale and
 * is reported like one. Capacity bounds it: a count above what the slot holds is a typing error.
 */
export const recordRestock = (
  deps: {
    readonly store: KioskStore;
    readonly clock: Clock;
    readonly logger: Logger;
    readonly reporting: boolean;
  },
  productId: number,
  count: number,
): Result<Restocked, RestockError> => {
  const { store, clock, logger } = deps;
  const product = store.getProduct(productId);
  if (!product) return err('unknown-product');
  const limit = product.capacity > 0 ? product.capacity : Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(count) || count < 0 || count > limit) return err('out-of-range');
  const now = clock.now();
  store.transaction(() => {
    store.changeStock(productId, { setTo: count }, now, deps.reporting ? { redemptionId: null } : null);
    store.audit('stock.restocked', { productId, from: product.stock, to: count }, now);
  });
  logger.info('stock.restocked', { productId, from: product.stock, to: count });
  return ok({ productId, from: product.stock, to: count });
};
