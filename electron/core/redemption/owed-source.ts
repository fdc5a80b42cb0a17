import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import type { DispenseRequest } from '../ports/board';
import type { RedemptionRow } from '../ports/store';
import type { Product } from '../ports/vendor-cloud';
import type { EngineDeps } from './deps';

/** Where a code's owed units come from: the product (a slot) to drive, and how to drive it. */
export type OwedSource = { readonly product: Product; readonly request: DispenseRequest };

export type SlotRefusal = 'out-of-service' | 'out-of-stock';

/** Checks that a slot can be driven right now, before any code is consumed or any owed unit started. */
export const slotServes = (
  deps: EngineDeps,
  addr: number,
  slot: number,
): Result<DispenseRequest, SlotRefusal> => {
  const request = deps.slotRequest(addr, slot);
  if (!request) {
    deps.logger.error('slot.not-configured', { addr, slot });
    return err('out-of-service');
  }
  if (
    deps.store.getSlotLock(addr, slot) ||
    deps.board.linkStatus() !== 'connected' ||
    deps.boardProblem(addr) !== null
  )
    return err('out-of-service');
  return ok(request);
};

/**
 * The code's own slot when it can serve; otherwise, where the machine allows it, another slot that holds the same
 * good (same vendor good number), is healthy and has stock, the fullest first. The refusal is the own slot's.
 */
export const owedSource = (deps: EngineDeps, root: RedemptionRow): Result<OwedSource, SlotRefusal> => {
  const { store } = deps;
  const own = store.getProduct(root.productId);
  const here = slotServes(deps, root.addr, root.slot);
  const refusal: SlotRefusal = here.ok ? 'out-of-stock' : here.error;
  if (own && here.ok && own.stock >= 1) return ok({ product: own, request: here.value });
  const goodNo = own?.goodNo;
  if (!deps.settings.owedFromOtherSlot || goodNo === undefined) return err(refusal);
  const others = store
    .listProducts()
    .filter((p) => p.goodNo === goodNo && p.productId !== root.productId && p.stock >= 1)
    .sort((a, b) => b.stock - a.stock);
  for (const product of others) {
    const request = slotServes(deps, product.addr, product.slot);
    if (request.ok) return ok({ product, request: request.value });
  }
  return err(refusal);
};
