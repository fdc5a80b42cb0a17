import type { UnitFault } from '../incidents/incident-capture';
import type { RedemptionResult } from '../../contract/schemas';
import type { DispenseOutcome, DispenseRequest, PreflightPass } from '../ports/board';
import type { RedemptionRow, UnitRow } from '../ports/store';
import type { UnitState } from './states';
import type { EngineDeps } from './deps';
import { itemFields } from './item-fields';
import { quarantineReason } from './slot-health';

const settled = (u: UnitRow | undefined): boolean => u !== undefined && u.state !== 'intent';

const unitState = (o: DispenseOutcome): UnitState => o.outcome;
const reasonOf = (o: DispenseOutcome): string | null => (o.outcome === 'success' ? null : o.reason);

/** How a unit was driven, for the flight recorder's incident should it not end in a success. */
export type UnitTrace = Pick<
  UnitFault,
  'request' | 'phase' | 'context' | 'startedAt' | 'drivenAt' | 'preflight'
>;

/**
 * Records the outcome of one unit and, when the board cannot say whether an item dropped or the slot has shown
 * it is broken, locks the slot in the same transaction: no later customer's code is consumed for it until an
 * operator has looked.
 */
export const recordUnit = (
  deps: EngineDeps,
  r: RedemptionRow,
  index: number,
  outcome: DispenseOutcome,
  trace: UnitTrace,
  /** More writes for the same commit (the redemption's finish, after its last unit). */
  alsoInCommit?: () => void,
): void => {
  const { store, clock, logger } = deps;
  const now = clock.now();
  const quarantined = store.transaction(() => {
    store.putUnit(r.id, index, unitState(outcome), now, reasonOf(outcome));
    if (outcome.outcome === 'unknown') {
      store.lockSlot({
        addr: r.addr,
        slot: r.slot,
        kind: 'unknown',
        reason: outcome.reason,
        redemptionId: r.id,
        lockedAt: now,
      });
      store.audit(
        'slot.locked',
        { addr: r.addr, slot: r.slot, redemption: r.id, reason: outcome.reason },
        now,
      );
    }
    const why = quarantineReason(store, r, outcome, deps.settings.quarantineAfterFailures);
    if (why !== null) {
      store.lockSlot({
        addr: r.addr,
        slot: r.slot,
        kind: 'quarantine',
        reason: why,
        redemptionId: r.id,
        lockedAt: now,
      });
      store.audit('slot.quarantined', { addr: r.addr, slot: r.slot, redemption: r.id, reason: why }, now);
    }
    alsoInCommit?.();
    return why;
  });
  if (quarantined !== null)
    logger.error('slot.quarantined', {
      addr: r.addr,
      slot: r.slot,
      slotName: r.slotName,
      reason: quarantined,
    });
  const fields = {
    redemption: r.id,
    unit: index + 1,
    of: r.quantity,
    slot: r.slotName,
    reason: reasonOf(outcome),
  };
  if (outcome.outcome === 'success') {
    logger.info('unit.dispensed', fields);
    return;
  }
  logger.error(`unit.${outcome.outcome}`, fields);
  deps.onUnitFault({
    ...trace,
    subject: { kind: 'redemption', redemption: r, unitIndex: index },
    outcome: outcome.outcome,
    reason: outcome.reason,
  });
};

/**
 * Dispenses the units of a redemption one at a time, and answers the redemption as the journal holds it then. Each unit's intent is committed before its motor
 * command, and its outcome after. Units already settled (after a crash) are left as they are. After any unit
 * that is not a success, the rest are skipped: a jammed or doubtful slot is not driven again.
 */
/** What the step that led here already wrote for the dispense, and what the board's preflight saw. */
/** "Dispensing unit n of m": what the customer's screen shows while a unit's motor runs. */
export const announceUnit = (
  deps: Pick<EngineDeps, 'emitProgress' | 'productPhoto'>,
  r: RedemptionRow,
  index: number,
): void => {
  deps.emitProgress({
    redemptionId: r.id,
    stage: 'dispensing',
    unit: index + 1,
    of: r.quantity,
    productName: r.productName,
    ...itemFields(deps, r),
  });
};

export type DispenseStart = {
  /** The fresh unit's "dispensing" was already emitted (at the consume's answer): do not emit it twice. */
  readonly announced?: boolean;
  /** The preflight that cleared this redemption: the first unit's dispense may reuse its status read. */
  readonly pass?: PreflightPass;
  /** A unit whose intent was written in this process's own last commit (openFirstUnit): drive it, do not assess. */
  readonly freshIntent?: number | null;
  /**
   * Closes the redemption (finish-step.ts). Given, it runs in the commit of the last unit's outcome, so a pickup
   * that drove every unit costs no commit of its own to finish; otherwise the caller finishes afterwards.
   */
  readonly finish?: (row: RedemptionRow) => RedemptionResult;
};

/** The redemption as the journal holds it after the units, and its result if `finish` already ran. */
export type Dispensed = { readonly row: RedemptionRow; readonly result: RedemptionResult | null };

/**
 * Called inside the commit that records the consume's answer: the redemption moves on to dispensing and its first
 * unit's intent is written in that same commit, so nothing more is written between the answer and the motor.
 * A locked slot gets no intent (dispenseStep skips the unit). Answers the row and the unit it opened, if any.
 */
export const openFirstUnit = (
  store: EngineDeps['store'],
  consumed: RedemptionRow,
  at: number,
): { readonly row: RedemptionRow; readonly freshIntent: number | null } => {
  const row =
    consumed.state === 'consumed'
      ? store.moveRedemption(consumed.id, 'consumed', 'dispensing', at)
      : consumed;
  if (store.getSlotLock(row.addr, row.slot) || store.listUnits(row.id).length > 0)
    return { row, freshIntent: null };
  store.putUnit(row.id, 0, 'intent', at);
  return { row, freshIntent: 0 };
};

export const dispenseStep = async (
  deps: EngineDeps,
  r: RedemptionRow,
  request: DispenseRequest,
  start: DispenseStart = {},
): Promise<Dispensed> => {
  const { store, clock, board } = deps;
  const { pass } = start;
  const row = r.state === 'consumed' ? store.moveRedemption(r.id, 'consumed', 'dispensing', clock.now()) : r;
  const units = store.listUnits(r.id);
  let stop = units.some((u) => u.state !== 'success' && u.state !== 'intent');
  let result: RedemptionResult | null = null;
  for (let index = 0; index < r.quantity; index++) {
    const existing = units.find((u) => u.index === index);
    if (settled(existing)) continue;
    const fresh = existing?.state === 'intent' && index === start.freshIntent;
    if (existing?.state === 'intent' && !fresh) {
      // A crash left this unit between intent and outcome: ask the board, never repeat the command.
      const context = {
        accepted: existing.acceptedAt !== null,
        machineRestarted: deps.machineBootedAt() > existing.startedAt,
      };
      const drivenAt = clock.now();
      const assessed = await board.assessInterrupted(request, context);
      recordUnit(deps, r, index, assessed, {
        request,
        phase: 'assess',
        context,
        startedAt: existing.startedAt,
        drivenAt,
        preflight: null,
      });
      const detail = { redemption: r.id, unit: index + 1, outcome: assessed.outcome, ...context };
      store.audit('unit.assessed', detail, clock.now());
      stop ||= assessed.outcome !== 'success';
      continue;
    }
    const lock = fresh ? null : store.getSlotLock(r.addr, r.slot);
    if (!fresh && (stop || lock)) {
      store.putUnit(
        r.id,
        index,
        'skipped',
        clock.now(),
        lock ? `slot locked: ${lock.reason}` : 'not attempted after a failed unit',
      );
      continue;
    }
    const startedAt = fresh ? existing.startedAt : clock.now();
    if (!fresh) store.putUnit(r.id, index, 'intent', startedAt);
    // The consume's answer already told the customer about its fresh unit, before the commit that opened it.
    if (!(fresh && start.announced === true)) announceUnit(deps, r, index);
    // Set from the driver's callback, which flow analysis cannot follow.
    const seen = { reused: false };
    const outcome = await board.dispense(request, {
      ...(pass === undefined ? {} : { preflight: pass }),
      onPreflightReused: () => {
        seen.reused = true;
      },
      // One small commit while the motor runs: the proof, should the kiosk die now, that this command was taken.
      onAccepted: () => {
        store.markUnitAccepted(r.id, index, clock.now());
      },
    });
    const { finish } = start;
    recordUnit(
      deps,
      r,
      index,
      outcome,
      {
        request,
        phase: 'dispense',
        context: null,
        startedAt,
        drivenAt: startedAt,
        preflight: seen.reused && pass ? pass.status : null,
      },
      index === r.quantity - 1 && finish
        ? () => {
            result = finish(row);
          }
        : undefined,
    );
    deps.emitProgress({
      redemptionId: r.id,
      stage: 'unit-done',
      unit: index + 1,
      of: r.quantity,
      unitOutcome: outcome.outcome,
      productName: r.productName,
      ...itemFields(deps, r),
    });
    stop = outcome.outcome !== 'success';
  }
  return { row, result };
};
