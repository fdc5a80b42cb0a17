import { describe, expect, it } from 'vitest';
import {
  initialThrottle,
  recordMiss,
  type ThrottleSettings,
} from '../../../../electron/core/throttle/throttle';
import {
  decodeThrottleState,
  encodeThrottleState,
} from '../../../../electron/core/throttle/throttle-state-codec';

const settings: ThrottleSettings = {
  maxWrongCodes: 2,
  windowSeconds: 60,
  lockoutSeconds: 30,
  maxLockoutSeconds: 100,
  maxWrongCodesPerHour: 20,
  maxWrongCodesPerDay: 60,
  levelResetSeconds: 3600,
};

describe('throttle state on disk', () => {
  it('reads back exactly what it wrote', () => {
    const t = Date.UTC(2026, 0, 1);
    const state = recordMiss(recordMiss(initialThrottle, t, settings, 'a').state, t + 1, settings, 'b').state;
    expect(decodeThrottleState(encodeThrottleState(state))).toEqual(state);
  });

  it('starts clean when nothing was saved', () => {
    expect(decodeThrottleState(null)).toEqual(initialThrottle);
  });

  it('maps the first format: recent misses, lockout and level carry over', () => {
    expect(
      decodeThrottleState(JSON.stringify({ wrong: [20, 10], lockedUntil: 500, level: 3, lastWrongAt: 20 })),
    ).toEqual({
      ...initialThrottle,
      misses: [10, 20],
      lockedUntil: 500,
      level: 3,
      levelSince: 500,
      lastMissAt: 20,
    });
  });

  it.each(['', 'null', '[]', '{"v":2}', '{"v":3,"misses":[]}', '{"wrong":"x"}', '{"v":2,"misses":[-1]}'])(
    'refuses %j (the caller fails closed)',
    (raw) => {
      expect(decodeThrottleState(raw)).toBeNull();
    },
  );
});
