import type { IpcErrorCode } from '../../contract/errors';
import type { RedemptionRow } from '../ports/store';
import type { CloudError } from '../ports/vendor-cloud';
import { customerCodeFor, isTransient } from './cloud-error-codes';
import type { EngineDeps } from './deps';
import { announceUnit, openFirstUnit } from './dispense-step';

/** The journal's note for a cloud refusal, for people; the code itself is the `refusal` column. */
const rejectionNote = (e: CloudError): string =>
  `cloud refused: ${e.code} ${e.vendorCode ?? ''} ${e.vendorMessage ?? ''}`.trim();

export type ConsumeOutcome =
  /**
   * `row`: the redemption as the journal now holds it: dispensing with its first unit's intent (`freshIntent`)
   * when the cloud answered, consumed (and owed to the cloud) when offline.
   */
  | {
      readonly kind: 'consumed';
      readonly offline: boolean;
      readonly row: RedemptionRow;
      readonly freshIntent: number | null;
      /** The fresh unit's "dispensing" has been emitted already. */
      readonly announced: boolean;
    }
  | { readonly kind: 'refused'; readonly code: IpcErrorCode; readonly wrongCode: boolean };

/**
 * Marks the code used in the cloud, with the trade id recorded before the first attempt, so a retry after a
 * timeout or a crash can only ever produce the same order. `customerPresent` is false during crash recovery:
 * then an unreachable cloud leaves the redemption abandoned rather than dispensing on a cached code.
 */
export const consumeStep = async (
  deps: EngineDeps,
  r: RedemptionRow,
  code: string,
  customerPresent: boolean,
): Promise<ConsumeOutcome> => {
  const { store, cloud, clock, logger, cache, settings } = deps;
  if (r.state !== 'consuming')
    store.moveRedemption(r.id, r.state, 'consuming', clock.now(), { pendingCode: code });
  const answer = await cloud.consume({ productId: r.productId, code, tradeId: r.tradeId });
  const now = clock.now();

  if (answer.ok) {
    // The verdict goes to the screen as the answer arrives; the motor, not the customer, waits for the commit.
    // A consume opens the first unit of a redemption that has none yet (unit 1), unless its slot was locked.
    const announced = store.getSlotLock(r.addr, r.slot) === null;
    if (announced) announceUnit(deps, r, 0);
    // One commit between the cloud's answer and the motor: consumed, and the first unit's intent with it.
    const opened = store.transaction(() => {
      store.dropCode(r.codeHash);
      const consumed = store.moveRedemption(r.id, 'consuming', 'consumed', now, {
        orderId: answer.value.orderId,
        pendingCode: null,
      });
      deps.onCodeUsed?.(r.pickupCodeId);
      return openFirstUnit(store, consumed, now);
    });
    logger.info('redemption.consumed', { redemption: r.id, order: answer.value.orderId, code: r.codeMask });
    return {
      kind: 'consumed',
      offline: false,
      row: opened.row,
      freshIntent: opened.freshIntent,
      announced: announced && opened.freshIntent !== null,
    };
  }

  const e = answer.error;
  const fields = {
    redemption: r.id,
    code: r.codeMask,
    cloud: e.code,
    vendorCode: e.vendorCode,
    vendorMessage: e.vendorMessage,
  };
  if (isTransient(e)) {
    const age = cache.age();
    const offline = settings.offline;
    if (
      customerPresent &&
      offline.policy === 'allow-cached' &&
      age !== null &&
      age <= offline.maxCacheAgeMs
    ) {
      const row = store.transaction(() => {
        store.dropCode(r.codeHash);
        store.enqueueOutbox('consume', r.id, '{}', now);
        store.audit('redemption.offline', { redemption: r.id, cacheAgeMs: age }, now);
        return store.moveRedemption(r.id, 'consuming', 'consumed', now, { consumePending: true });
      });
      logger.warn('redemption.offline-consume-deferred', fields);
      return { kind: 'consumed', offline: true, row, freshIntent: null, announced: false };
    }
    store.moveRedemption(r.id, 'consuming', 'abandoned', now, {
      pendingCode: null,
      note: `cloud unreachable: ${e.detail}`,
    });
    logger.warn('redemption.abandoned', fields);
    return { kind: 'refused', code: 'cloud-unreachable', wrongCode: false };
  }

  store.transaction(() => {
    store.moveRedemption(r.id, 'consuming', 'rejected', now, {
      pendingCode: null,
      note: rejectionNote(e),
      refusal: e.code,
    });
    if (e.code === 'code-used' || e.code === 'code-expired' || e.code === 'code-not-found')
      store.dropCode(r.codeHash);
  });
  logger.warn('redemption.rejected', fields);
  // A code the cloud calls unknown, used or expired counts as a guess, as it does when the cache says so.
  const guess = e.code === 'code-not-found' || e.code === 'code-used' || e.code === 'code-expired';
  return { kind: 'refused', code: customerCodeFor(e), wrongCode: guess };
};
