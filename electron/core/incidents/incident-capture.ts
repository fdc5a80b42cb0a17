import type { FrameRecorder } from '../board/recorder';
import { serializeRecording } from '../board/recorder';
import type { DispenseRequest, InterruptedContext, ShipmentStatus } from '../ports/board';
import type { Cancel, Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore, RedemptionRow } from '../ports/store';
import { customerReference } from '../redemption/reference';

/** Frames kept either side of a fault: the status reads before it and whatever the board said after. */
export const INCIDENT_WINDOW_MS = 30_000;

/** What went wrong: a customer's unit, or an operator's test dispense (journaled in test_dispenses). */
export type FaultSubject =
  | { readonly kind: 'redemption'; readonly redemption: RedemptionRow; readonly unitIndex: number }
  | { readonly kind: 'test'; readonly testId: number; readonly addr: number; readonly slot: number };

/** A unit that did not end in a success, as the engine (or the operator tools) saw it. */
export type UnitFault = {
  readonly subject: FaultSubject;
  readonly outcome: 'failed' | 'unknown';
  readonly reason: string;
  readonly request: DispenseRequest;
  /** `dispense`: the motor was driven now; `assess`: a unit interrupted by a crash was judged from the board. */
  readonly phase: 'dispense' | 'assess';
  readonly context: InterruptedContext | null;
  /** When the unit's intent was written (before a crash, for one judged at recovery). */
  readonly startedAt: number;
  /** When the board was asked this time (the dispense, or the after-crash assessment): the replay starts here. */
  readonly drivenAt: number;
  /** The preflight's status the dispense started from instead of reading it (the replay does the same); or null. */
  readonly preflight: ShipmentStatus | null;
};

/** What an exported incident carries besides frames; the replay reads `request`, `phase` and `context`. */
export type IncidentJournal = {
  readonly request: DispenseRequest;
  readonly phase: UnitFault['phase'];
  readonly context: InterruptedContext | null;
  readonly startedAt: number;
  readonly drivenAt: number;
  readonly preflight: ShipmentStatus | null;
  /** The customer's redemption with its units, or null for a test dispense (then `test` is its row). */
  readonly redemption: Omit<RedemptionRow, 'pendingCode' | 'codeHash'> | null;
  readonly test: unknown;
  readonly units: unknown[];
  readonly lock: unknown;
  readonly audit: unknown[];
};

export type IncidentCapture = {
  capture(fault: UnitFault): void;
  /** Completes every open incident with the frames it has now (the kiosk is stopping). */
  flush(): void;
};

const placeOf = (subject: FaultSubject): { addr: number; slot: number } =>
  subject.kind === 'test' ? subject : subject.redemption;

/** A customer's support reference; a test dispense is filed as `TEST-<id>`, which no trade id can look like. */
export const referenceOf = (subject: FaultSubject): string =>
  subject.kind === 'test' ? `TEST-${subject.testId}` : customerReference(subject.redemption.tradeId);

type Deps = {
  readonly store: KioskStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly recorder: FrameRecorder | undefined;
  readonly windowMs?: number;
};

/**
 * The flight recorder's snapshot. An incident is written at once with the frames before the fault, so a power
 * cut right after still leaves evidence; a window later it is completed with what followed (the board's late
 * answers, the recovery reads). Never the clear code or its hash: support gets the masked code only.
 */
export const createIncidentCapture = ({
  store,
  clock,
  logger,
  recorder,
  windowMs,
}: Deps): IncidentCapture => {
  const window = windowMs ?? INCIDENT_WINDOW_MS;
  const open = new Map<number, { fault: UnitFault; cancel: Cancel }>();
  // After flush() (the kiosk is stopping) nothing waits for a window any more: no timer may outlive the journal.
  let closed = false;

  const framesFor = (fault: UnitFault, until: number): string => {
    // From a window before the board was driven this time: for a unit judged after a crash, what led to the
    // crash is in no recorder of this process, and the start-up reads are what the window then holds.
    const from = Math.min(fault.drivenAt, until) - window;
    return serializeRecording((recorder?.entries() ?? []).filter((e) => e.at >= from && e.at <= until));
  };
  const journalFor = (fault: UnitFault): string => {
    const { subject } = fault;
    const where = placeOf(subject);
    const base = {
      request: fault.request,
      phase: fault.phase,
      context: fault.context,
      startedAt: fault.startedAt,
      drivenAt: fault.drivenAt,
      preflight: fault.preflight,
      lock: store.getSlotLock(where.addr, where.slot),
    };
    if (subject.kind === 'test') {
      const mentions = `"test":${subject.testId}`;
      const journal: IncidentJournal = {
        ...base,
        redemption: null,
        test: store.getTest(subject.testId),
        units: [],
        audit: store.listAudit(200).filter((a) => a.detail.includes(mentions)),
      };
      return JSON.stringify(journal);
    }
    const r = subject.redemption;
    const current = store.getRedemption(r.id) ?? r;
    const { pendingCode: _clear, codeHash: _hash, ...redemption } = current;
    const mentions = JSON.stringify(r.id);
    const journal: IncidentJournal = {
      ...base,
      redemption,
      test: null,
      units: store.listUnits(r.id),
      audit: store.listAudit(200).filter((a) => a.detail.includes(mentions)),
    };
    return JSON.stringify(journal);
  };
  const complete = (id: number): void => {
    const entry = open.get(id);
    if (!entry) return;
    open.delete(id);
    entry.cancel();
    try {
      store.completeIncident(id, framesFor(entry.fault, clock.now()), journalFor(entry.fault));
    } catch (e) {
      logger.error('incident.complete-failed', { id, message: e instanceof Error ? e.message : String(e) });
    }
  };

  return {
    capture(fault) {
      const at = clock.now();
      const { subject } = fault;
      const where = placeOf(subject);
      const reference = referenceOf(subject);
      try {
        const id = store.insertIncident({
          reference,
          redemptionId: subject.kind === 'redemption' ? subject.redemption.id : null,
          unitIndex: subject.kind === 'redemption' ? subject.unitIndex : null,
          outcome: fault.outcome,
          reason: fault.reason,
          addr: where.addr,
          slot: where.slot,
          at,
          frames: framesFor(fault, at),
          journal: journalFor(fault),
        });
        logger.info('incident.recorded', { id, reference, outcome: fault.outcome });
        if (closed) {
          store.completeIncident(id, framesFor(fault, at), journalFor(fault));
          return;
        }
        open.set(id, {
          fault,
          cancel: clock.setTimer(window, () => {
            complete(id);
          }),
        });
      } catch (e) {
        // Evidence is worth having, never worth a customer's redemption: a failed snapshot is only logged.
        logger.error('incident.capture-failed', { message: e instanceof Error ? e.message : String(e) });
      }
    },
    flush() {
      closed = true;
      for (const id of [...open.keys()]) complete(id);
    },
  };
};
