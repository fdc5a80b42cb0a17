import type { IpcError } from '../../contract/errors';
import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import type { RedemptionResult } from '../../contract/schemas';
import { pickupCodeSchema } from '../../contract/schemas';
import type { CodeHasher } from '../cache/code-hash';
import type { DispenseRequest, PreflightPass } from '../ports/board';
import { maskCode } from '../ports/logger';
import type { RedemptionRow } from '../ports/store';
import type { Product } from '../ports/vendor-cloud';
import type { ThrottleGate } from '../throttle/throttle-gate';
import { consumeStep } from './consume-step';
import type { EngineDeps } from './deps';
import { dispenseStep, openFirstUnit, type DispenseStart } from './dispense-step';
import { finishStep } from './finish-step';
import { itemFields } from './item-fields';
import { matchStep } from './match-step';
import { createMissRefresh } from './miss-refresh';

export type RedemptionEngine = {
  /** The one redemption path: format → throttle → match → consume → dispense each unit → report. */
  submit(code: string): Promise<Result<RedemptionResult, IpcError>>;
  /** Dispenses and closes a redemption that is already consumed (used by crash recovery). */
  finishConsumed(r: RedemptionRow, request: DispenseRequest): Promise<RedemptionResult>;
  /** Retries a consume left in flight by a crash, with its trade id, then finishes it. */
  resumeConsuming(r: RedemptionRow, request: DispenseRequest): Promise<void>;
};

export const createRedemptionEngine = (
  deps: EngineDeps,
  hash: CodeHasher,
  throttle: ThrottleGate,
): RedemptionEngine => {
  const { store, clock, logger } = deps;
  const missRefresh = createMissRefresh(
    deps.cache,
    clock,
    logger,
    () => deps.missRefreshAfterMs?.() ?? deps.settings.refreshOnMissAfterMs,
  );
  let busy = false;

  const finishConsumed = async (
    r: RedemptionRow,
    request: DispenseRequest,
    start: DispenseStart = {},
  ): Promise<RedemptionResult> => {
    const finish = (row: RedemptionRow): RedemptionResult => finishStep(deps, row);
    const done = await dispenseStep(deps, r, request, { ...start, finish });
    return done.result ?? finishStep(deps, done.row);
  };

  const consumeAndFinish = async (
    r: RedemptionRow,
    code: string,
    request: DispenseRequest,
    customerPresent: boolean,
    pass?: PreflightPass,
  ): Promise<Result<RedemptionResult, IpcError>> => {
    const consumed = await consumeStep(deps, r, code, customerPresent);
    if (consumed.kind === 'refused') {
      if (!consumed.wrongCode) return err({ code: consumed.code });
      const lockout = throttle.wrong(r.codeHash);
      return lockout === null
        ? err({ code: consumed.code, triesLeft: throttle.triesLeft() })
        : err({ code: 'locked-out', retryAfterSeconds: Math.ceil(lockout / 1000) });
    }
    throttle.good();
    return ok(
      await finishConsumed(consumed.row, request, {
        ...(pass === undefined ? {} : { pass }),
        freshIntent: consumed.freshIntent,
        announced: consumed.announced,
      }),
    );
  };

  /**
   * The board must be able to start a dispense before a code is consumed (or an owed unit started): a busy or
   * silent board, or a blocked drop sensor, refuses the code while it is still valid. Not a wrong guess. What
   * the preflight read goes on to the dispense, which then needs no status read of its own.
   */
  const boardReady = async (request: DispenseRequest, code: string): Promise<PreflightPass | null> => {
    const ready = await deps.board.preflight(request);
    if (ready.ok) return ready.value;
    logger.warn('redemption.refused', {
      code: maskCode(code),
      reason: 'board-not-ready',
      detail: ready.error,
    });
    return null;
  };

  /** Pays back what a redeemed code is still owed: a child redemption that starts at `dispensing`, no consume. */
  const makeUp = async (
    parent: RedemptionRow,
    units: number,
    source: Product,
    request: DispenseRequest,
    pass: PreflightPass,
  ): Promise<Result<RedemptionResult, IpcError>> => {
    const id = deps.newTradeId();
    const now = clock.now();
    // Inserted and moved on in one commit: a crash never leaves a make-up that recovery would try to consume.
    const row = store.transaction(() => {
      store.insertRedemption(
        {
          id,
          codeHash: parent.codeHash,
          codeMask: parent.codeMask,
          tradeId: id,
          pickupCodeId: parent.pickupCodeId,
          // The slot it comes from (its stock goes down), at the price the customer paid.
          productId: source.productId,
          productName: source.name,
          price: parent.price,
          slotName: source.slotName,
          addr: source.addr,
          slot: source.slot,
          quantity: units,
          pendingCode: null,
          parentId: parent.id,
          createdAt: now,
        },
        now,
      );
      const dispensing = store.moveRedemption(id, 'matched', 'dispensing', now);
      // The first unit's intent in the same commit: nothing more is written before the motor.
      const opened = openFirstUnit(store, dispensing, now);
      store.audit(
        'owed.make-up',
        { redemption: id, parent: parent.id, units, owed: parent.owed, slot: source.slotName },
        now,
      );
      return opened;
    });
    throttle.good();
    logger.info('redemption.make-up', {
      redemption: id,
      parent: parent.id,
      units,
      code: parent.codeMask,
      slot: source.slotName,
      otherSlot: source.productId !== parent.productId,
    });
    deps.emitProgress({
      redemptionId: id,
      stage: 'checking',
      of: units,
      productName: parent.productName,
      ...itemFields(deps, source),
    });
    return ok(await finishConsumed(row.row, request, { pass, freshIntent: row.freshIntent }));
  };

  const run = async (code: string): Promise<Result<RedemptionResult, IpcError>> => {
    const remaining = throttle.remainingMs();
    if (remaining > 0) return err({ code: 'locked-out', retryAfterSeconds: Math.ceil(remaining / 1000) });
    const codeHash = hash(code);
    const match = matchStep(deps, codeHash, missRefresh);
    if (!match.ok) {
      logger.info('redemption.refused', { code: maskCode(code), reason: match.error.code });
      if (!match.error.wrongCode) return err({ code: match.error.code });
      const lockout = throttle.wrong(codeHash);
      return lockout === null
        ? err({ code: match.error.code, triesLeft: throttle.triesLeft() })
        : err({ code: 'locked-out', retryAfterSeconds: Math.ceil(lockout / 1000) });
    }
    const pass = await boardReady(match.value.request, code);
    if (pass === null) return err({ code: 'out-of-service' });
    if (match.value.kind === 'owed')
      return makeUp(match.value.parent, match.value.units, match.value.source, match.value.request, pass);
    if (match.value.kind === 'resume') {
      logger.info('redemption.resumed', { redemption: match.value.redemption.id, code: maskCode(code) });
      return consumeAndFinish(match.value.redemption, code, match.value.request, true, pass);
    }
    const { cached, product, request } = match.value;
    const tradeId = deps.newTradeId();
    const now = clock.now();
    // Journaled and moved to consuming in one commit: the trade id is on disk before the consume goes out.
    const row = store.transaction(() => {
      store.insertRedemption(
        {
          id: tradeId,
          codeHash,
          codeMask: maskCode(code),
          tradeId,
          pickupCodeId: cached.codeId,
          productId: product.productId,
          productName: product.name,
          price: product.price,
          slotName: product.slotName,
          addr: product.addr,
          slot: product.slot,
          quantity: cached.quantity,
          pendingCode: code,
          createdAt: now,
        },
        now,
      );
      return store.moveRedemption(tradeId, 'matched', 'consuming', now);
    });
    deps.emitProgress({
      redemptionId: tradeId,
      stage: 'checking',
      of: cached.quantity,
      productName: product.name,
      ...itemFields(deps, product),
    });
    return consumeAndFinish(row, code, request, true, pass);
  };

  return {
    async submit(code) {
      if (!pickupCodeSchema.safeParse(code).success) return err({ code: 'bad-format' });
      if (busy) return err({ code: 'busy' });
      busy = true;
      try {
        return await run(code);
      } finally {
        busy = false;
      }
    },
    finishConsumed,
    async resumeConsuming(r, request) {
      if (r.pendingCode === null) {
        store.moveRedemption(r.id, r.state, 'abandoned', clock.now(), {
          note: 'interrupted before consume; code not kept',
        });
        return;
      }
      await consumeAndFinish(r, r.pendingCode, request, false);
    },
  };
};
