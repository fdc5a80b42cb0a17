import type { IpcError } from '../../contract/errors';
import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import type { DispenseRequest } from '../ports/board';
import type { CachedCode, RedemptionRow } from '../ports/store';
import type { Product } from '../ports/vendor-cloud';
import { rejectedAsUsed } from './consume-step';
import type { EngineDeps } from './deps';

export type Match =
  | {
      readonly kind: 'new';
      readonly cached: CachedCode;
      readonly product: Product;
      readonly request: DispenseRequest;
    }
  /** The same code was tried before while the cloud was unreachable: resume with its trade id. */
  | { readonly kind: 'resume'; readonly redemption: RedemptionRow; readonly request: DispenseRequest };

export type MatchFailure = IpcError & { readonly wrongCode: boolean };

const fail = (code: IpcError['code'], wrongCode = false): Result<Match, MatchFailure> =>
  err({ code, wrongCode });

/** Checks that a matched product can be dispensed right now, before any code is consumed. */
const dispensable = (deps: EngineDeps, addr: number, slot: number): Result<DispenseRequest, MatchFailure> => {
  const request = deps.slotRequest(addr, slot);
  if (!request) {
    deps.logger.error('slot.not-configured', { addr, slot });
    return err({ code: 'out-of-service', wrongCode: false });
  }
  if (deps.store.getSlotLock(addr, slot) || deps.board.linkStatus() !== 'connected') {
    return err({ code: 'out-of-service', wrongCode: false });
  }
  return ok(request);
};

/**
 * Finds what a typed code refers to: an earlier redemption of the same code, or the code cache, refreshed
 * once on a miss when it is older than the configured age. Nothing here talks to the board or consumes.
 */
export const matchStep = async (
  deps: EngineDeps,
  code: string,
  codeHash: string,
): Promise<Result<Match, MatchFailure>> => {
  const { store, cache, clock, settings } = deps;
  const earlier = store.findRedemptionByCode(codeHash);
  if (earlier) {
    if (earlier.state === 'abandoned') {
      const request = dispensable(deps, earlier.addr, earlier.slot);
      return request.ok ? ok({ kind: 'resume', redemption: earlier, request: request.value }) : request;
    }
    if (earlier.state !== 'rejected')
      return fail(earlier.state === 'matched' || earlier.state === 'consuming' ? 'busy' : 'code-used');
    if (rejectedAsUsed(earlier.note)) return fail('code-used');
  }

  let cached = cache.lookup(code);
  let refreshFailed = false;
  if (!cached) {
    const age = cache.age();
    if (age === null || age > settings.refreshOnMissAfterMs) {
      const refreshed = await cache.refresh();
      refreshFailed = !refreshed.ok;
      cached = cache.lookup(code);
    }
  }
  if (!cached) return refreshFailed ? fail('cloud-unreachable') : fail('unknown-code', true);
  if (cached.expiresAt !== null && cached.expiresAt <= clock.now()) {
    cache.drop(cached.codeHash);
    return fail('code-expired');
  }
  const product = store.getProduct(cached.productId);
  if (!product) return fail('out-of-service');
  const request = dispensable(deps, product.addr, product.slot);
  return request.ok ? ok({ kind: 'new', cached, product, request: request.value }) : request;
};
