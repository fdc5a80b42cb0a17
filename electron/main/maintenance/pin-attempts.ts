import type { IpcError } from '../../contract/errors';
import { err, ok, type Result } from '../../contract/result';
import type { Clock } from '../../core/ports/clock';
import type { Logger } from '../../core/ports/logger';
import { createPersistedThrottle } from '../../core/throttle/persisted-throttle';
import type { StateCell } from '../../core/throttle/state-cell';
import { forgiveAll, type ThrottleSettings } from '../../core/throttle/throttle';

/**
 * Wrong maintenance PINs, with the customer throttle's rules and the PIN's own settings: 3 inside 15 minutes
 * lock the PIN pad for 5 minutes, then 10, 20, 40, at most 60; at most 6 wrong PINs in any hour and 20 in any
 * day; the doubling is forgiven only after a clean day from the end of the last lockout, and the right PIN
 * forgives everything. Saved after every change, so a restart resets nothing: at 20 a day, trying all 10^6
 * six-digit PINs at one kiosk's keypad takes about 137 years (a 1-in-137 chance of a hit in a year).
 */
export const PIN_THROTTLE: ThrottleSettings = {
  maxWrongCodes: 3,
  windowSeconds: 900,
  lockoutSeconds: 300,
  maxLockoutSeconds: 3600,
  maxWrongCodesPerHour: 6,
  maxWrongCodesPerDay: 20,
  levelResetSeconds: 86_400,
};

export type PinAttempts = {
  /** Milliseconds left of the current lockout; 0 when a PIN may be tried. */
  lockedForMs(): number;
  /** Counts a wrong PIN (saved before it returns); `lockedOutForMs` is set when it started a lockout. */
  wrong(): { readonly lockedOutForMs: number | null; readonly level: number };
  right(): void;
};

export const createPinAttempts = (
  clock: Clock,
  cell: StateCell,
  onUnreadable: (why: string) => void,
  settings: ThrottleSettings = PIN_THROTTLE,
): PinAttempts => {
  const throttle = createPersistedThrottle(cell, clock, settings, onUnreadable);
  return {
    lockedForMs: () => throttle.remainingMs(),
    wrong() {
      const { lockout, state } = throttle.miss();
      return { lockedOutForMs: lockout?.ms ?? null, level: state.level };
    },
    right() {
      throttle.settle(forgiveAll);
    },
  };
};

/** Seconds the PIN pad stays shut when a wrong PIN could not be counted: no count, no try. */
const UNCOUNTED_LOCK_SECONDS = 300;

/**
 * Every PIN is counted as wrong before it is checked, and the count forgiven only once it proves right. So a
 * crash or restart during the fifth of a second scrypt takes cannot drop a wrong PIN from the count, and PINs
 * sent side by side cannot all start before the first is counted. A count that cannot be saved shuts the pad.
 */
export const countBeforeCheck = (
  attempts: PinAttempts,
  logger: Logger,
): Result<ReturnType<PinAttempts['wrong']>, IpcError> => {
  try {
    return ok(attempts.wrong());
  } catch (e) {
    logger.error('maintenance.pin-state-unwritable', { error: e instanceof Error ? e.name : 'non-error' });
    return err({ code: 'locked-out', retryAfterSeconds: UNCOUNTED_LOCK_SECONDS });
  }
};
