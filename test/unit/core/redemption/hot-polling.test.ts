import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.core.stop();
});

const cloud = (over: Record<string, unknown> = {}) => ({
  cloud: {
    baseUrl: 'https://cloud.invalid',
    notifyUrl: 'https://cloud.invalid/notify',
    refreshOnMissAfterSeconds: 30,
    ...over,
  },
});
const listsOf = (productId: number): number =>
  h.cloud.calls.filter((c) => c.call === 'listCodes' && c.arg === productId).length;
const fullRefreshes = (): number => h.cloud.calls.filter((c) => c.call === 'listProducts').length;

describe('polling without the live link: hot products every minute, the rest every 20 minutes', () => {
  it('polls a product redeemed lately every minute, and makes its new code redeemable within that minute', async () => {
    h = await startHarness(cloud());
    const first = h.state.createCodes({ productId: 101, count: 1, codeLength: 8, expiresAt: null });
    await h.core.refreshCache();
    const code = first.ok ? first.value[0]?.code : undefined;
    expect(code && (await h.core.submitCode(code)).ok).toBe(true);
    // Every product got its codes in the fills; only the redeemed one stays hot once that activity ages out.
    const before = listsOf(101);
    const other = listsOf(103);
    await h.clock.advance(5 * 60_000);
    expect(listsOf(101) - before).toBeGreaterThanOrEqual(5);
    const next = h.state.createCodes({ productId: 101, count: 1, codeLength: 8, expiresAt: null });
    await h.clock.advance(60_000);
    const nextCode = next.ok ? next.value[0]?.code : undefined;
    const lists = fullRefreshes();
    const answer = await h.core.submitCode(nextCode ?? '');
    expect(answer.ok && answer.value.outcome).toBe('success');
    // Found in the cache: no refresh was needed for it.
    expect(fullRefreshes()).toBe(lists);
    expect(listsOf(103) - other).toBeLessThanOrEqual(listsOf(101) - before);
  });

  it('runs the full refresh every 20 minutes by default, not every 5', async () => {
    h = await startHarness(cloud({ cacheRefreshSeconds: 1200 }));
    const start = fullRefreshes();
    await h.clock.advance(60 * 60_000);
    expect(fullRefreshes() - start).toBe(3);
  });

  it('does not retry a failing full refresh at every wake-up', async () => {
    h = await startHarness(cloud({ cacheRefreshSeconds: 1200 }));
    await h.clock.advance(20 * 60_000);
    const start = fullRefreshes();
    for (let i = 0; i < 100; i++) h.cloud.failNext(10001, 'listProducts');
    await h.clock.advance(30 * 60_000);
    expect(fullRefreshes() - start).toBeLessThanOrEqual(2);
  });
});

describe('what makes a product hot', () => {
  it('is not the first fill: a kiosk that has seen no activity polls no product in between', async () => {
    h = await startHarness({
      cloud: {
        baseUrl: 'https://cloud.invalid',
        notifyUrl: 'https://cloud.invalid/notify',
        cacheRefreshSeconds: 1200,
      },
    });
    const start = h.cloud.calls.length;
    await h.clock.advance(10 * 60_000);
    expect(h.cloud.calls.slice(start).filter((c) => c.call === 'listCodes')).toHaveLength(0);
  });

  it('is a product that got a new code since the last fill', async () => {
    h = await startHarness({
      cloud: {
        baseUrl: 'https://cloud.invalid',
        notifyUrl: 'https://cloud.invalid/notify',
        cacheRefreshSeconds: 1200,
      },
    });
    h.state.createCodes({ productId: 102, count: 1, codeLength: 8, expiresAt: null });
    await h.core.refreshCache();
    const start = h.cloud.calls.length;
    await h.clock.advance(3 * 60_000);
    const polled = h.cloud.calls.slice(start).filter((c) => c.call === 'listCodes');
    expect(polled.length).toBeGreaterThanOrEqual(3);
    expect(new Set(polled.map((c) => c.arg))).toEqual(new Set([102]));
  });
});
