import type { IpcError } from '../../contract/errors';
import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import type { DispenseRequest } from '../ports/board';
import type { CachedCode, RedemptionRow } from '../ports/store';
import type { Product } from '../ports/vendor-cloud';
import type { EngineDeps } from './deps';
import type { MissRefresh } from './miss-refresh';
import { owedSource, slotServes } from './owed-source';

export type Match =
  | {
      readonly kind: 'new';
      readonly cached: CachedCode;
      readonly product: Product;
      readonly request: DispenseRequest;
    }
  /** The same code was tried before while the cloud was unreachable: resume with its trade id. */
  | { readonly kind: 'resume'; readonly redemption: RedemptionRow; readonly request: DispenseRequest }
  /** The code was redeemed and is still owed units: dispense those (at most what the slot holds), no consume. */
  | {
      readonly kind: 'owed';
      readonly parent: RedemptionRow;
      readonly units: number;
      /** The code's own slot, or another holding the same good (owed-source.ts). */
      readonly source: Product;
      readonly request: DispenseRequest;
    };

/** `wrongCode`: the answer counts toward the guessing budget (see the README's *Security* section). */
export type MatchFailure = IpcError & { readonly wrongCode: boolean };

const fail = (code: IpcError['code'], wrongCode = false): Result<Match, MatchFailure> =>
  err({ code, wrongCode });

/** Checks that a matched product can be dispensed right now, before any code is consumed. */
const dispensable = (deps: EngineDeps, addr: number, slot: number): Result<DispenseRequest, MatchFailure> => {
  const request = slotServes(deps, addr, slot);
  return request.ok ? request : err({ code: request.error, wrongCode: false });
};

/**
 * Finds what a typed code (by its hash) refers to: an earlier redemption of the same code, or the code cache (a
 * miss may start a refresh behind the customer, see miss-refresh.ts). Nothing here waits, talks to the board or
 * consumes.
 * Every code that is not usable counts as a guess: unknown (even when the cloud could not be asked), used
 * or expired. Only a code that is usable, or already on its way, does not.
 */
export const matchStep = (
  deps: EngineDeps,
  codeHash: string,
  missRefresh: MissRefresh,
): Result<Match, MatchFailure> => {
  const { store, cache, clock } = deps;
  const earlier = store.findRedemptionByCode(codeHash);
  if (earlier) {
    // The newest row may be a make-up delivery; what is owed is kept on the redemption it pays back.
    const root = earlier.parentId === null ? earlier : (store.getRedemption(earlier.parentId) ?? earlier);
    if ((earlier.state === 'completed' || earlier.state === 'reported') && root.owed > 0) {
      const source = owedSource(deps, root);
      if (!source.ok) return fail(source.error);
      const { product, request } = source.value;
      return ok({
        kind: 'owed',
        parent: root,
        units: Math.min(root.owed, product.stock),
        source: product,
        request,
      });
    }
    if (earlier.state === 'dispensing') return fail('busy');
    if (earlier.state === 'abandoned') {
      const request = dispensable(deps, earlier.addr, earlier.slot);
      return request.ok ? ok({ kind: 'resume', redemption: earlier, request: request.value }) : request;
    }
    if (earlier.state === 'matched' || earlier.state === 'consuming') return fail('busy');
    if (earlier.state !== 'rejected' || earlier.refusal === 'code-used') return fail('code-used', true);
  }

  // The hash the engine already made: a code is hashed once per submit.
  // A code that left the list lately (used on another machine, or withdrawn) was real: the cloud is asked, so the
  // customer hears "already used" rather than "not recognised". One consume call at most: its refusal is journaled
  // and answers the same code next time.
  const cached = cache.lookupHash(codeHash) ?? store.findGoneCode(codeHash, clock.now());
  if (!cached) {
    // Answered at once. A miss that started a refresh is told "checking" (the code may be newer than the
    // cache); with the cloud unreachable the customer is told so. Every miss is still counted: otherwise a
    // stale cache or an outage would be a free guessing window (a repeated code is counted once).
    const after = missRefresh.afterMiss(codeHash);
    return fail(
      after.started ? 'code-checking' : after.unreachable ? 'cloud-unreachable' : 'unknown-code',
      true,
    );
  }
  // Kept in the cache (a refresh removes it a day after its expiry), so typing it again says "expired" again.
  if (cached.expiresAt !== null && cached.expiresAt <= clock.now()) return fail('code-expired', true);
  const product = store.getProduct(cached.productId);
  if (!product) return fail('out-of-service');
  // The cloud refuses a consume its own figure does not cover; the machine's count is checked the same way,
  // before anything is consumed, so a code for an emptied slot stays valid for after the refill.
  if (product.stock < cached.quantity) return fail('out-of-stock');
  const request = dispensable(deps, product.addr, product.slot);
  return request.ok ? ok({ kind: 'new', cached, product, request: request.value }) : request;
};
