import { describe, expect, it } from 'vitest';
import { backoffDelayMs, defaultBackoff } from '../../../../electron/core/protocol/retry-schedule';

describe('backoffDelayMs', () => {
  it('doubles from the base and stays within [ceiling/2, ceiling]', () => {
    expect([0, 1, 2].map((n) => backoffDelayMs(n, () => 0))).toEqual([125, 250, 500]);
    expect([0, 1, 2].map((n) => backoffDelayMs(n, () => 1))).toEqual([250, 500, 1000]);
  });

  it('never exceeds the cap, however many retries', () => {
    expect(backoffDelayMs(30, () => 1)).toBe(defaultBackoff.maxMs);
    expect(backoffDelayMs(30, () => 0)).toBe(defaultBackoff.maxMs / 2);
  });

  it('spreads kiosks apart with the jitter source, and tolerates a source outside [0, 1]', () => {
    expect(backoffDelayMs(1, () => 0.5)).toBe(375);
    expect(backoffDelayMs(1, () => 7)).toBe(500);
    expect(backoffDelayMs(1, () => -3)).toBe(250);
  });
});
