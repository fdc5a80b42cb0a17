/**
 * Wrong-code throttle, pure. Three limits, each enough on its own to stop a patient guesser:
 * - burst: `maxWrongCodes` inside `windowSeconds` lock entry for `lockoutSeconds`, doubling with each further
 *   burst lockout up to `maxLockoutSeconds`;
 * - budget: at most `maxWrongCodesPerHour` in any 60 minutes and `maxWrongCodesPerDay` in any 24 hours; when
 *   one is spent, entry stays locked until the oldest miss in it has aged out;
 * - memory: the doubling level is forgiven only after `levelResetSeconds` without a wrong code, counted from the
 *   end of the last burst lockout, so spacing guesses out never resets it.
 * The same rules, with their own settings, guard the maintenance PIN.
 */
import { roomAt } from './budget-window';

export type ThrottleSettings = {
  readonly maxWrongCodes: number;
  readonly windowSeconds: number;
  readonly lockoutSeconds: number;
  readonly maxLockoutSeconds: number;
  readonly maxWrongCodesPerHour: number;
  readonly maxWrongCodesPerDay: number;
  readonly levelResetSeconds: number;
};

export type ThrottleState = {
  /** Times (epoch ms) of counted misses in the last 24 hours, oldest first. */
  readonly misses: readonly number[];
  /** Misses at or before this time no longer count toward a burst (a burst lockout or a success cleared them). */
  readonly burstFrom: number | null;
  readonly lockedUntil: number | null;
  /** Burst lockouts in this streak; sets the next one's length. */
  readonly level: number;
  /** When the last burst lockout ended (or ends): the clean spell that forgives the level starts here. */
  readonly levelSince: number | null;
  readonly lastMissAt: number | null;
  /** What the last counted miss was (a salted code hash), so typing the same wrong code again is not a new guess. */
  readonly lastMissKey: string | null;
};

export type LockoutReason = 'burst' | 'hour' | 'day';

export type MissResult = {
  readonly state: ThrottleState;
  /** False for a repeat of the last counted miss: nothing new was learnt, so nothing is charged. */
  readonly counted: boolean;
  /** Set when this miss started or lengthened a lockout. */
  readonly lockout: { readonly ms: number; readonly reason: LockoutReason } | null;
};

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const initialThrottle: ThrottleState = {
  misses: [],
  burstFrom: null,
  lockedUntil: null,
  level: 0,
  levelSince: null,
  lastMissAt: null,
  lastMissKey: null,
};

/** Remaining lockout in ms, or 0 when entry is open. */
export const lockoutRemaining = (state: ThrottleState, now: number): number =>
  state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil - now : 0;

export const lockoutLength = (settings: ThrottleSettings, level: number): number =>
  Math.min(settings.maxLockoutSeconds, settings.lockoutSeconds * 2 ** level) * 1000;

const levelForgiven = (state: ThrottleState, now: number, settings: ThrottleSettings): boolean => {
  if (state.level === 0 || state.levelSince === null) return false;
  const cleanFrom = Math.max(state.levelSince, state.lastMissAt ?? 0);
  return now - cleanFrom >= settings.levelResetSeconds * 1000;
};

export const recordMiss = (
  state: ThrottleState,
  now: number,
  settings: ThrottleSettings,
  key: string | null = null,
): MissResult => {
  if (key !== null && key === state.lastMissKey) return { state, counted: false, lockout: null };
  const misses = [...state.misses.filter((t) => t > now - DAY_MS), now];
  const burstStart = Math.max(now - settings.windowSeconds * 1000, state.burstFrom ?? -Infinity);
  let level = levelForgiven(state, now, settings) ? 0 : state.level;
  let { burstFrom, levelSince } = state;
  const ends: { at: number; reason: LockoutReason }[] = [];
  if (misses.filter((t) => t > burstStart).length >= settings.maxWrongCodes) {
    const end = now + lockoutLength(settings, level);
    ends.push({ at: end, reason: 'burst' });
    level += 1;
    burstFrom = now;
    levelSince = end;
  }
  const hour = roomAt(misses, now, HOUR_MS, settings.maxWrongCodesPerHour);
  if (hour !== null) ends.push({ at: hour, reason: 'hour' });
  const day = roomAt(misses, now, DAY_MS, settings.maxWrongCodesPerDay);
  if (day !== null) ends.push({ at: day, reason: 'day' });

  const latest = ends.reduce<{ at: number; reason: LockoutReason } | null>(
    (best, e) => (best === null || e.at > best.at ? e : best),
    null,
  );
  const before = state.lockedUntil ?? -Infinity;
  const lengthens = latest !== null && latest.at > before && latest.at > now;
  const next: ThrottleState = {
    misses,
    burstFrom,
    lockedUntil: lengthens ? latest.at : state.lockedUntil,
    level,
    levelSince,
    lastMissAt: now,
    lastMissKey: key,
  };
  return {
    state: next,
    counted: true,
    lockout: lengthens ? { ms: latest.at - now, reason: latest.reason } : null,
  };
};

/**
 * Wrong codes still allowed before one locks entry: the tightest of the burst, the hourly and the daily limit, as
 * counted now. 0 while locked. The customer is told this after a wrong code, so a person who mistyped slows down
 * before the keypad locks on them; a guesser learns nothing the settings' defaults would not tell them.
 */
export const triesLeft = (state: ThrottleState, now: number, settings: ThrottleSettings): number => {
  if (lockoutRemaining(state, now) > 0) return 0;
  const burstStart = Math.max(now - settings.windowSeconds * 1000, state.burstFrom ?? -Infinity);
  const since = (from: number): number => state.misses.filter((t) => t > from).length;
  return Math.max(
    0,
    Math.min(
      settings.maxWrongCodes - since(burstStart),
      settings.maxWrongCodesPerHour - since(now - HOUR_MS),
      settings.maxWrongCodesPerDay - since(now - DAY_MS),
    ),
  );
};

/**
 * A customer's good code: the misses before it no longer count toward a burst (the person who mistyped has
 * finished), but the hourly and daily budgets and the doubling level stay, so a guesser's lucky hit buys
 * nothing. Returns the same object when there was nothing to clear, so the caller can skip the write.
 */
export const clearBurst = (state: ThrottleState, now: number, settings: ThrottleSettings): ThrottleState => {
  const burstStart = Math.max(now - settings.windowSeconds * 1000, state.burstFrom ?? -Infinity);
  return state.misses.some((t) => t > burstStart) ? { ...state, burstFrom: now } : state;
};

/**
 * The right maintenance PIN: whoever typed it needs no guessing, so every count is forgiven, including a
 * lockout that this very attempt's provisional count started (a PIN is only checked while the pad is open).
 */
export const forgiveAll = (): ThrottleState => initialThrottle;

/** What an unreadable saved state is taken as: one first-level lockout from now, never a clean slate. */
export const failClosed = (now: number, settings: ThrottleSettings): ThrottleState => {
  const end = now + lockoutLength(settings, 0);
  return { ...initialThrottle, lockedUntil: end, level: 1, levelSince: end };
};
