import { describe, expect, it } from 'vitest';
import { decidePoll, hotBudget, hotProducts } from '../../../../electron/core/cache/poll-plan';

const settings = { fullEveryMs: 1_200_000, fullWhileUpMs: 3_600_000, hotProducts: 3, wakeEveryMs: 60_000 };
const catalogue = () => 500;
const hot = () => [7, 8, 9, 10];
const decide = (linkUp: boolean, cacheAgeMs: number | null, sinceFullTryMs: number | null = null) =>
  decidePoll(settings, { linkUp, cacheAgeMs, sinceFullTryMs, hot, catalogue });

describe('what the poller does when it wakes', () => {
  it('runs the full refresh when none ever succeeded, or it is due', () => {
    expect(decide(false, null)).toEqual({ kind: 'full' });
    expect(decide(false, 1_200_000)).toEqual({ kind: 'full' });
  });

  it('polls only the hot products in between, at most the configured number', () => {
    expect(decide(false, 60_000)).toEqual({ kind: 'hot', productIds: [7, 8, 9] });
  });

  it('does nothing in between when no product is hot or hot polling is off', () => {
    expect(
      decidePoll(settings, {
        linkUp: false,
        cacheAgeMs: 60_000,
        sinceFullTryMs: null,
        hot: () => [],
        catalogue,
      }),
    ).toEqual({
      kind: 'none',
    });
    expect(
      decidePoll(
        { ...settings, hotProducts: 0 },
        { linkUp: false, cacheAgeMs: 60_000, sinceFullTryMs: null, hot, catalogue },
      ),
    ).toEqual({ kind: 'none' });
  });

  it('with the live link up, runs only the hourly safety net', () => {
    expect(decide(true, 1_200_000)).toEqual({ kind: 'none' });
    expect(decide(true, 3_600_000)).toEqual({ kind: 'full' });
  });

  it('does not retry a failed full refresh at every wake-up', () => {
    expect(decide(false, 5_000_000, 60_000)).toEqual({ kind: 'hot', productIds: [7, 8, 9] });
    expect(decide(false, 5_000_000, 1_200_000)).toEqual({ kind: 'full' });
  });

  it('puts the products redeemed lately first, then those given codes, without repeats', () => {
    expect(hotProducts([3, 1], [1, 5, 6], 3)).toEqual([3, 1, 5]);
  });

  it('never spends more on hot products than the full refresh costs over the same time', () => {
    const big = { ...settings, hotProducts: 20 };
    expect(hotBudget(big, 500)).toBe(20);
    expect(hotBudget(big, 50)).toBe(2);
    expect(hotBudget(big, 5)).toBe(1);
  });
});
