import { describe, expect, it } from 'vitest';
import {
  initialThrottle,
  lockoutLength,
  lockoutRemaining,
  recordGoodCode,
  recordWrongCode,
  type ThrottleState,
} from '../../../../electron/core/throttle/throttle';

const settings = { maxWrongCodes: 3, windowSeconds: 60, lockoutSeconds: 30, maxLockoutSeconds: 100 };

const wrongAt = (state: ThrottleState, ...times: number[]) =>
  times.reduce<{ state: ThrottleState; lockedOutFor: number | null }>(
    (acc, t) => recordWrongCode(acc.state, t, settings),
    {
      state,
      lockedOutFor: null,
    },
  );

describe('wrong-code throttle', () => {
  it('locks on the K-th wrong code inside the window, not before', () => {
    expect(wrongAt(initialThrottle, 0, 1000).lockedOutFor).toBeNull();
    const third = wrongAt(initialThrottle, 0, 1000, 2000);
    expect(third.lockedOutFor).toBe(30_000);
    expect(lockoutRemaining(third.state, 2000)).toBe(30_000);
    expect(lockoutRemaining(third.state, 32_000)).toBe(0);
  });

  it('forgets wrong codes that fell out of the window', () => {
    expect(wrongAt(initialThrottle, 0, 1000, 70_000).lockedOutFor).toBeNull();
  });

  it('doubles each lockout in a streak up to the maximum', () => {
    expect([0, 1, 2, 3].map((level) => lockoutLength(settings, level))).toEqual([
      30_000, 60_000, 100_000, 100_000,
    ]);
    const first = wrongAt(initialThrottle, 0, 1, 2);
    const second = wrongAt(first.state, 40_000, 40_001, 40_002);
    expect(second.lockedOutFor).toBe(60_000);
  });

  it('forgives the streak after a long quiet spell or a good code', () => {
    const first = wrongAt(initialThrottle, 0, 1, 2);
    expect(wrongAt(first.state, 500_000, 500_001, 500_002).lockedOutFor).toBe(30_000);
    expect(wrongAt(recordGoodCode(first.state), 40_000, 40_001, 40_002).lockedOutFor).toBe(30_000);
  });

  it('a good code does not lift a running lockout', () => {
    const first = wrongAt(initialThrottle, 0, 1, 2);
    expect(lockoutRemaining(recordGoodCode(first.state), 10_000)).toBe(20_002);
  });
});
