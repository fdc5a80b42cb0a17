import type { IpcError } from '../../contract/errors';
import { maintenanceStatusSchema, type MaintenanceStatus } from '../../contract/maintenance-schemas';
import { err, ok, type Result } from '../../contract/result';
import type { Cancel, Clock } from '../../core/ports/clock';
import type { LogFields, Logger } from '../../core/ports/logger';
import { verifyPin } from '../../core/security/pin-hash';
import type { OperatorRefusal } from '../operator/operator-tools';
import { memoryCell, type StateCell } from '../../core/throttle/state-cell';
import { countBeforeCheck, createPinAttempts } from './pin-attempts';

/** A session with no maintenance call for this long closes itself: an operator who walks away leaves nothing open. */
export const SESSION_IDLE_MS = 120_000;

/** What the session shows and acts on; the running kiosk and the out-of-service shell each supply one. */
export type MaintenanceTarget = {
  status(): MaintenanceStatus;
  /** Ok(true) when a lock was there and is now cleared; an error when the kiosk cannot act at all. */
  clearSlotLock(addr: number, slot: number): Result<boolean, IpcError>;
  retryOutbox(): Promise<Result<void, IpcError>>;
  /** Ok(units settled) once what a code was owed is written off; `invalid-input` when nothing was owed there. */
  settleOwed(redemptionId: string): Result<number, IpcError>;
  /**
   * The durable audit log. Absent out of service: no database is open when the kiosk cannot run, so the
   * log file is the record there.
   */
  readonly audit?: (kind: string, detail: LogFields) => void;
};

export type MaintenanceSessionDeps = {
  /** `config.maintenance.pinHash`; null disables the screen. */
  readonly pinHash: string | null;
  readonly target: MaintenanceTarget;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Where the wrong-PIN count is kept across restarts (pin-state-file.ts); absent, only in memory. */
  readonly pinState?: StateCell;
};

export type MaintenanceSession = {
  open(pin: string): Promise<Result<MaintenanceStatus, IpcError>>;
  status(): Result<MaintenanceStatus, IpcError>;
  clearLock(addr: number, slot: number): Result<MaintenanceStatus, IpcError>;
  retryOutbox(): Promise<Result<MaintenanceStatus, IpcError>>;
  settleOwed(redemptionId: string): Result<MaintenanceStatus, IpcError>;
  /**
   * Runs an operator tool inside the session (operator-handlers.ts): refused outside one, counted as activity,
   * and recorded in the log and the audit with what was asked and how it ended, a refusal with its reason too.
   */
  act<T>(
    action: string,
    asked: LogFields,
    run: () => Promise<Result<T, OperatorRefusal>>,
    done: (value: T) => LogFields,
  ): Promise<Result<T, IpcError>>;
  close(): Result<{ closed: true }, IpcError>;
  isOpen(): boolean;
};

/**
 * One operator session at a time, opened by the PIN and closed by the operator or by two idle minutes.
 * Every open, close, expiry, wrong PIN and action goes to the log and the audit log; nothing but `open`
 * works without a session.
 */
export const createMaintenanceSession = (deps: MaintenanceSessionDeps): MaintenanceSession => {
  const { pinHash, target, clock, logger } = deps;
  const attempts = createPinAttempts(clock, deps.pinState ?? memoryCell(), (why) => {
    logger.error('maintenance.pin-state-unreadable', { why });
  });
  /** Cancels the idle expiry; non-null exactly while a session is open. */
  let expiry: Cancel | null = null;
  // A function, not a test of `expiry` in place: the timer may end the session across an await.
  const active = (): boolean => expiry !== null;

  const record = (kind: string, detail: LogFields = {}, level: 'info' | 'warn' = 'info'): void => {
    logger[level](`maintenance.${kind}`, detail);
    target.audit?.(`maintenance.${kind}`, detail);
  };
  const arm = (): void => {
    expiry?.();
    expiry = clock.setTimer(SESSION_IDLE_MS, () => {
      expiry = null;
      record('expired');
    });
  };
  const end = (): void => {
    expiry?.();
    expiry = null;
  };
  // A status that breaks the contract (an unmasked code, an extra field) is a bug: it throws, and the IPC
  // wrapper answers `internal` instead of sending it.
  const current = (): MaintenanceStatus => maintenanceStatusSchema.parse(target.status());
  const snapshot = (): Result<MaintenanceStatus, IpcError> => ok(current());
  const refuse = (action: string): Result<never, IpcError> => {
    logger.warn('maintenance.forbidden', { action });
    return err({ code: 'forbidden' });
  };
  /** Runs `action` only inside a session, and counts the call as activity. */
  const inSession = <T>(action: string, run: () => Result<T, IpcError>): Result<T, IpcError> => {
    if (!active()) return refuse(action);
    arm();
    return run();
  };

  return {
    async open(pin) {
      if (pinHash === null) {
        logger.warn('maintenance.disabled');
        return err({ code: 'maintenance-disabled' });
      }
      // Whatever session was open ends here: whoever stands at the keypad now has to prove the PIN again.
      if (active()) {
        end();
        record('closed', { by: 'new-open' });
      }
      const lockedMs = attempts.lockedForMs();
      if (lockedMs > 0) {
        logger.warn('maintenance.pin-locked', { seconds: Math.ceil(lockedMs / 1000) });
        return err({ code: 'locked-out', retryAfterSeconds: Math.ceil(lockedMs / 1000) });
      }
      const counted = countBeforeCheck(attempts, logger);
      if (!counted.ok) return counted;
      if (!(await verifyPin(pin, pinHash))) {
        const { lockedOutForMs, level } = counted.value;
        const lockedOutSeconds = lockedOutForMs === null ? null : Math.ceil(lockedOutForMs / 1000);
        record('pin-wrong', { lockedOutSeconds, level }, 'warn');
        return lockedOutSeconds === null
          ? err({ code: 'pin-wrong' })
          : err({ code: 'locked-out', retryAfterSeconds: lockedOutSeconds });
      }
      attempts.right();
      arm();
      record('opened');
      return snapshot();
    },
    status: () => inSession('status', snapshot),
    clearLock: (addr, slot) =>
      inSession('clear-lock', () => {
        const cleared = target.clearSlotLock(addr, slot);
        if (!cleared.ok) return cleared;
        record('clear-lock', { addr, slot, cleared: cleared.value });
        return snapshot();
      }),
    settleOwed: (redemptionId) =>
      inSession('settle-owed', () => {
        const settled = target.settleOwed(redemptionId);
        if (!settled.ok) return settled;
        record('settle-owed', { redemption: redemptionId, units: settled.value });
        return snapshot();
      }),
    async retryOutbox() {
      if (!active()) return refuse('retry-outbox');
      arm();
      const before = target.status().diagnostics?.outboxLength ?? null;
      const sent = await target.retryOutbox();
      if (!sent.ok) return sent;
      // Sending can take a while; a session that expired meanwhile stays closed.
      if (!active()) return refuse('retry-outbox');
      arm();
      const status = current();
      record('retry-outbox', { before, after: status.diagnostics?.outboxLength ?? null });
      return ok(status);
    },
    async act(action, asked, run, done) {
      if (!active()) return refuse(action);
      arm();
      const answer = await run();
      if (answer.ok) record(action, { ...asked, ...done(answer.value) });
      else record(action, { ...asked, refused: answer.error.code, reason: answer.error.reason }, 'warn');
      // A tool can take a while (a motor run); a session that expired meanwhile stays closed.
      if (!active()) return refuse(action);
      arm();
      return answer.ok ? answer : err({ code: answer.error.code });
    },
    close: () =>
      inSession('close', () => {
        end();
        record('closed', { by: 'operator' });
        return ok({ closed: true as const });
      }),
    isOpen: active,
  };
};
