import { describe, expect, it } from 'vitest';
import {
  clearBurst,
  forgiveAll,
  HOUR_MS,
  initialThrottle,
  lockoutLength,
  lockoutRemaining,
  recordMiss,
  triesLeft,
  type ThrottleSettings,
  type ThrottleState,
} from '../../../../electron/core/throttle/throttle';

const settings: ThrottleSettings = {
  maxWrongCodes: 3,
  windowSeconds: 60,
  lockoutSeconds: 30,
  maxLockoutSeconds: 100,
  maxWrongCodesPerHour: 1000,
  maxWrongCodesPerDay: 1000,
  levelResetSeconds: 3600,
};

type Run = { state: ThrottleState; lockout: { ms: number; reason: string } | null };

const missesAt = (state: ThrottleState, times: readonly number[], s: ThrottleSettings = settings): Run =>
  times.reduce<Run>((acc, t) => recordMiss(acc.state, t, s), { state, lockout: null });

describe('wrong-code throttle: bursts', () => {
  it('locks on the K-th wrong code inside the window, not before', () => {
    expect(missesAt(initialThrottle, [0, 1000]).lockout).toBeNull();
    const third = missesAt(initialThrottle, [0, 1000, 2000]);
    expect(third.lockout).toEqual({ ms: 30_000, reason: 'burst' });
    expect(lockoutRemaining(third.state, 2000)).toBe(30_000);
    expect(lockoutRemaining(third.state, 32_000)).toBe(0);
  });

  it('forgets wrong codes that fell out of the window', () => {
    expect(missesAt(initialThrottle, [0, 1000, 70_000]).lockout).toBeNull();
  });

  it('doubles each lockout in a streak up to the maximum', () => {
    expect([0, 1, 2, 3].map((level) => lockoutLength(settings, level))).toEqual([
      30_000, 60_000, 100_000, 100_000,
    ]);
    const first = missesAt(initialThrottle, [0, 1, 2]);
    expect(missesAt(first.state, [40_000, 40_001, 40_002]).lockout?.ms).toBe(60_000);
  });

  it('does not count the misses that caused a lockout toward the next burst', () => {
    const first = missesAt(initialThrottle, [0, 1, 2]);
    expect(missesAt(first.state, [31_000, 32_000]).lockout).toBeNull();
  });
});

describe('wrong-code throttle: the level is forgiven only by a clean spell after the last lockout', () => {
  const locked = missesAt(initialThrottle, [0, 1, 2]); // lockout ends at 30,002

  it('keeps the level however the guesses are spaced out', () => {
    // One guess every 50 minutes never adds up to a clean hour, so the next burst still doubles.
    const spaced = missesAt(locked.state, [3_000_000, 6_000_000, 9_000_000]);
    expect(missesAt(spaced.state, [9_000_001, 9_000_002]).lockout?.ms).toBe(60_000);
  });

  it('forgives after a clean hour counted from the end of the lockout', () => {
    const end = 30_002;
    expect(
      missesAt(locked.state, [end + HOUR_MS - 3, end + HOUR_MS - 2, end + HOUR_MS - 1]).lockout?.ms,
    ).toBe(60_000);
    expect(missesAt(locked.state, [end + HOUR_MS, end + HOUR_MS + 1, end + HOUR_MS + 2]).lockout?.ms).toBe(
      30_000,
    );
  });

  it('a good code clears the burst but neither the level nor a running lockout', () => {
    const two = missesAt(locked.state, [40_000, 40_001]);
    const cleared = clearBurst(two.state, 40_002, settings);
    expect(missesAt(cleared, [40_003, 40_004]).lockout).toBeNull();
    expect(missesAt(cleared, [40_003, 40_004, 40_005]).lockout?.ms).toBe(60_000);
    expect(lockoutRemaining(clearBurst(locked.state, 10_000, settings), 10_000)).toBe(20_002);
  });

  it('a good code with nothing to clear returns the same state, so nothing is written', () => {
    expect(clearBurst(locked.state, 200_000, settings)).toBe(locked.state);
    expect(clearBurst(initialThrottle, 0, settings)).toBe(initialThrottle);
  });

  it('the right maintenance PIN forgives everything', () => {
    expect(forgiveAll()).toEqual(initialThrottle);
  });
});

describe('wrong-code throttle: hourly and daily budgets', () => {
  const budget: ThrottleSettings = {
    ...settings,
    maxWrongCodes: 50,
    maxWrongCodesPerHour: 4,
    maxWrongCodesPerDay: 6,
  };

  it('locks until the oldest miss in the hour is an hour old', () => {
    const run = missesAt(initialThrottle, [0, 600_000, 1_200_000, 1_800_000], budget);
    expect(run.lockout).toEqual({ ms: HOUR_MS - 1_800_000, reason: 'hour' });
    expect(run.state.lockedUntil).toBe(HOUR_MS);
  });

  it('slides: the budget is any 60 minutes, not the clock hour', () => {
    const run = missesAt(initialThrottle, [HOUR_MS - 3, HOUR_MS - 2, HOUR_MS - 1, HOUR_MS + 1], budget);
    expect(run.state.lockedUntil).toBe(2 * HOUR_MS - 3);
  });

  it('locks for the rest of the day once the daily budget is spent', () => {
    const times = [0, 1, 2, HOUR_MS, HOUR_MS + 1, HOUR_MS + 2];
    const run = missesAt(initialThrottle, times, budget);
    expect(run.lockout?.reason).toBe('day');
    expect(run.state.lockedUntil).toBe(24 * HOUR_MS);
  });

  it('keeps no more than a day of misses', () => {
    const run = missesAt(initialThrottle, [0, 1, 25 * HOUR_MS], budget);
    expect(run.state.misses).toEqual([25 * HOUR_MS]);
  });
});

describe('wrong-code throttle: the same wrong code again', () => {
  it('is not a second guess, but a different one is', () => {
    const once = recordMiss(initialThrottle, 0, settings, 'hash-a');
    const again = recordMiss(once.state, 1, settings, 'hash-a');
    expect(again.counted).toBe(false);
    expect(again.state).toBe(once.state);
    const other = recordMiss(again.state, 2, settings, 'hash-b');
    expect(other.state.misses).toEqual([0, 2]);
    expect(recordMiss(other.state, 3, settings, 'hash-a').counted).toBe(true);
  });
});

describe('wrong-code throttle: tries left', () => {
  it('counts down the burst to the lockout, then says 0 while locked', () => {
    const after = (times: readonly number[]) => missesAt(initialThrottle, times).state;
    expect(triesLeft(initialThrottle, 0, settings)).toBe(3);
    expect(triesLeft(after([0]), 0, settings)).toBe(2);
    expect(triesLeft(after([0, 1000]), 1000, settings)).toBe(1);
    expect(triesLeft(after([0, 1000, 2000]), 2000, settings)).toBe(0);
    // Misses that left the window give their tries back.
    expect(triesLeft(after([0, 1000]), 62_000, settings)).toBe(3);
  });

  it('gives a good code’s cleared burst back, but never more than the hourly budget leaves', () => {
    const tight = { ...settings, maxWrongCodesPerHour: 4 };
    const twice = missesAt(initialThrottle, [0, 1000], tight).state;
    const cleared = clearBurst(twice, 2000, tight);
    expect(triesLeft(cleared, 2000, tight)).toBe(2);
    expect(triesLeft(cleared, 2000 + HOUR_MS, tight)).toBe(3);
  });
});
