import { afterEach, describe, expect, it } from 'vitest';
import { cutOff } from '../throttle/cut-off-cloud';
import { codes, startHarness, testConfig, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.core.stop();
  h.store.close();
});

const locked = (): boolean => h.core.getState().entryLockedUntil !== null;

describe('redemption engine: what counts as a guess', () => {
  it('counts unknown codes while the cloud is unreachable, and says the cloud is unreachable', async () => {
    h = await startHarness();
    cutOff(h.cloud, () => h.clock.now()).down = true;
    await h.clock.advance(60_000);
    // The first miss starts the one refresh of the interval behind the customer; it fails.
    await expect(h.core.submitCode('70000000')).resolves.toEqual({
      ok: false,
      error: { code: 'code-checking', triesLeft: 4 },
    });
    await h.clock.advance(0);
    for (let i = 1; i < 4; i++)
      await expect(h.core.submitCode(`7000000${i}`)).resolves.toEqual({
        ok: false,
        error: { code: 'cloud-unreachable', triesLeft: 4 - i },
      });
    await expect(h.core.submitCode('70000004')).resolves.toEqual({
      ok: false,
      error: { code: 'locked-out', retryAfterSeconds: 60 },
    });
  });

  it('counts a used code (ours or the cloud saying so) and an expired one, each once however often typed', async () => {
    h = await startHarness();
    await h.core.submitCode(codes.one); // redeemed here: typing it again is "used"
    const expiring = h.state.createCodes({
      productId: 101,
      count: 1,
      codeLength: 8,
      expiresAt: h.clock.now() + 1000,
    });
    await h.core.refreshCache();
    // Used elsewhere after the refresh: still in the cache, so it is the cloud that answers "used" (10024).
    h.state.consume({
      productId: 106,
      code: codes.two,
      tradeId: '9'.repeat(24),
      notifyUrl: 'https://x.invalid',
    });
    await h.clock.advance(2000);
    const expired = expiring.ok ? expiring.value[0]!.code : '';
    const answers = [];
    for (const code of [codes.one, codes.one, codes.two, codes.two, expired, expired])
      answers.push(await h.core.submitCode(code));
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([
      'code-used',
      'code-used',
      'code-used',
      'code-used',
      'code-expired',
      // Kept in the cache for a day after its expiry: the second try is told "expired" too, not "unknown".
      'code-expired',
    ]);
    expect(h.cloud.calls.filter((c) => c.call === 'consume')).toHaveLength(2);
    expect(locked()).toBe(false);
    await h.core.submitCode('70000001');
    await expect(h.core.submitCode('70000002')).resolves.toMatchObject({ error: { code: 'locked-out' } });
  });

  it('does not refund the hourly budget for a good code', async () => {
    h = await startHarness({ throttle: { maxWrongCodesPerHour: 6 } });
    for (let i = 0; i < 3; i++) await h.core.submitCode(`7100000${i}`);
    await expect(h.core.submitCode(codes.one)).resolves.toMatchObject({ ok: true });
    for (let i = 3; i < 5; i++) await h.core.submitCode(`7100000${i}`);
    expect(locked()).toBe(false);
    await expect(h.core.submitCode('71000005')).resolves.toMatchObject({ error: { code: 'locked-out' } });
    expect(h.core.getState().entryLockedUntil).toBeGreaterThan(h.clock.now() + 50 * 60_000);
  });
});

describe('redemption engine: refreshes on a miss', () => {
  it('the first miss of an interval is answered at once, and the refresh it starts finds a new code', async () => {
    h = await startHarness();
    await h.clock.advance(60_000);
    const created = h.state.createCodes({ productId: 104, count: 1, codeLength: 8, expiresAt: null });
    const fresh = created.ok ? created.value[0]!.code : '';
    h.cloud.latencyMs = 2000;
    const startedAt = h.clock.now();
    // Answered without waiting on the cloud: no clock time passes for it.
    await expect(h.core.submitCode(fresh)).resolves.toEqual({
      ok: false,
      error: { code: 'code-checking', triesLeft: 4 },
    });
    expect(h.clock.now()).toBe(startedAt);
    await h.clock.advance(30_000);
    h.cloud.latencyMs = 0;
    await expect(h.core.submitCode(fresh)).resolves.toMatchObject({ ok: true });
    // Typed twice, counted once: the customer is not nearer a lockout for it.
    expect(h.core.getState().entryLockedUntil).toBeNull();
  });

  it('later misses in the same interval are answered from the cache without asking the cloud', async () => {
    h = await startHarness();
    const cloud = cutOff(h.cloud, () => h.clock.now());
    await h.clock.advance(60_000);
    await expect(h.core.submitCode('72000000')).resolves.toMatchObject({ error: { code: 'code-checking' } });
    await h.clock.advance(0);
    expect(cloud.refreshes).toHaveLength(1);
    // The refresh just ran, so this code from a moment later is not in the cache yet: refused, no new refresh.
    const created = h.state.createCodes({ productId: 104, count: 1, codeLength: 8, expiresAt: null });
    const fresh = created.ok ? created.value[0]!.code : '';
    await h.clock.advance(10_000);
    await expect(h.core.submitCode(fresh)).resolves.toMatchObject({ error: { code: 'unknown-code' } });
    expect(cloud.refreshes).toHaveLength(1);
    // Typed again once the interval is over, it starts the next refresh, and then it is found (the retries were
    // not charged as more guesses).
    await h.clock.advance(25_000);
    await expect(h.core.submitCode(fresh)).resolves.toMatchObject({ error: { code: 'code-checking' } });
    await h.clock.advance(0);
    expect(cloud.refreshes).toHaveLength(2);
    await expect(h.core.submitCode(fresh)).resolves.toMatchObject({ ok: true });
  });

  it('where every miss may refresh (the demo), a typo says "checking" once, then plainly not recognised', async () => {
    h = await startHarness({ cloud: { ...testConfig().cloud, refreshOnMissAfterSeconds: 0 } });
    await h.clock.advance(1000);
    await expect(h.core.submitCode('74000000')).resolves.toMatchObject({ error: { code: 'code-checking' } });
    await h.clock.advance(1000);
    await expect(h.core.submitCode('74000000')).resolves.toMatchObject({ error: { code: 'unknown-code' } });
    // Another code still gets its own look at the newest list.
    await expect(h.core.submitCode('74000001')).resolves.toMatchObject({ error: { code: 'code-checking' } });
  });

  it('while the cloud is unreachable, tries one refresh per interval, not one per miss', async () => {
    h = await startHarness({ throttle: { maxWrongCodes: 50 } });
    const cloud = cutOff(h.cloud, () => h.clock.now());
    cloud.down = true;
    await h.clock.advance(60_000);
    for (let i = 0; i < 10; i++) {
      await expect(h.core.submitCode(`7300000${i}`)).resolves.toMatchObject({
        error: { code: i === 0 ? 'code-checking' : 'cloud-unreachable' },
      });
      await h.clock.advance(1000);
    }
    expect(cloud.refreshes.filter((t) => t >= h.clock.now() - 10_000)).toHaveLength(1);
  });
});
