import type { Clock } from '../../core/ports/clock';
import {
  initialThrottle,
  lockoutRemaining,
  recordGoodCode,
  recordWrongCode,
  type ThrottleSettings,
  type ThrottleState,
} from '../../core/throttle/throttle';

/**
 * Wrong maintenance PINs: 3 inside 15 minutes lock the PIN keypad for 5 minutes, doubling with each further
 * lockout up to an hour; a right PIN, or an hour without a wrong one, forgives. At about three guesses an
 * hour, a 4-digit PIN takes months to find at the kiosk, while an operator who mistypes once is not slowed.
 * Kept in memory: a restart forgives, but a restart costs a guesser a full boot each time.
 */
export const PIN_THROTTLE: ThrottleSettings = {
  maxWrongCodes: 3,
  windowSeconds: 900,
  lockoutSeconds: 300,
  maxLockoutSeconds: 3600,
};

export type PinAttempts = {
  /** Milliseconds left of the current lockout; 0 when a PIN may be tried. */
  lockedForMs(): number;
  /** Counts a wrong PIN; `lockedOutForMs` is set when this one started a lockout. */
  wrong(): { readonly lockedOutForMs: number | null; readonly level: number };
  right(): void;
};

/** The customer wrong-code throttle's pure rules, with the PIN's own settings and state. */
export const createPinAttempts = (clock: Clock, settings: ThrottleSettings = PIN_THROTTLE): PinAttempts => {
  let state: ThrottleState = initialThrottle;
  return {
    lockedForMs: () => lockoutRemaining(state, clock.now()),
    wrong() {
      const result = recordWrongCode(state, clock.now(), settings);
      state = result.state;
      return { lockedOutForMs: result.lockedOutFor, level: state.level };
    },
    right() {
      state = recordGoodCode(state);
    },
  };
};
