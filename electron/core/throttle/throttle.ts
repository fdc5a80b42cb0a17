/**
 * Wrong-code throttle, pure. After `maxWrongCodes` wrong codes inside `windowSeconds`, entry locks for
 * `lockoutSeconds`, doubling with each further lockout up to `maxLockoutSeconds`. Guessing an 8-digit code
 * at one try per lockout is hopeless, while a customer who mistypes twice is never slowed down.
 * The level resets after a successful redemption or a long quiet spell.
 */
export type ThrottleSettings = {
  readonly maxWrongCodes: number;
  readonly windowSeconds: number;
  readonly lockoutSeconds: number;
  readonly maxLockoutSeconds: number;
};

export type ThrottleState = {
  /** Times (epoch ms) of wrong codes still inside the window. */
  readonly wrong: readonly number[];
  readonly lockedUntil: number | null;
  /** Lockouts so far in this streak; sets the next lockout's length. */
  readonly level: number;
  /** The last wrong code, inside the window or not: a long quiet spell since it forgives earlier lockouts. */
  readonly lastWrongAt: number | null;
};

export const initialThrottle: ThrottleState = { wrong: [], lockedUntil: null, level: 0, lastWrongAt: null };

/** Remaining lockout in ms, or 0 when entry is open. */
export const lockoutRemaining = (state: ThrottleState, now: number): number =>
  state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil - now : 0;

export const lockoutLength = (settings: ThrottleSettings, level: number): number =>
  Math.min(settings.maxLockoutSeconds, settings.lockoutSeconds * 2 ** level) * 1000;

/** A quiet spell this long (no wrong code) forgives earlier lockouts. */
const quietResetMs = (settings: ThrottleSettings): number => settings.windowSeconds * 4 * 1000;

export type WrongCodeResult = { readonly state: ThrottleState; readonly lockedOutFor: number | null };

export const recordWrongCode = (
  state: ThrottleState,
  now: number,
  settings: ThrottleSettings,
): WrongCodeResult => {
  const windowStart = now - settings.windowSeconds * 1000;
  const quiet = state.lastWrongAt === null || now - state.lastWrongAt > quietResetMs(settings);
  const level = quiet ? 0 : state.level;
  const wrong = [...state.wrong.filter((t) => t > windowStart), now];
  if (wrong.length < settings.maxWrongCodes) {
    return { state: { wrong, lockedUntil: state.lockedUntil, level, lastWrongAt: now }, lockedOutFor: null };
  }
  const length = lockoutLength(settings, level);
  return {
    state: { wrong: [], lockedUntil: now + length, level: level + 1, lastWrongAt: now },
    lockedOutFor: length,
  };
};

export const recordGoodCode = (state: ThrottleState): ThrottleState => ({
  ...initialThrottle,
  lockedUntil: state.lockedUntil,
});
