import { afterEach, describe, expect, it } from 'vitest';
import { codes, consumeCalls, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.core.stop();
  h.store.close();
});

describe('redemption engine: codes that are refused', () => {
  it.each(['', '12345', '12345678901', '1234 678', '١٢٣٤٥٦٧٨'])(
    'rejects the malformed code %j without asking anyone',
    async (code) => {
      h = await startHarness();
      await expect(h.core.submitCode(code)).resolves.toEqual({ ok: false, error: { code: 'bad-format' } });
      expect(h.cloud.calls.filter((c) => c.call !== 'listProducts' && c.call !== 'listCodes')).toEqual([]);
    },
  );

  it('answers unknown-code for a code that is nowhere, and consumes and dispenses nothing', async () => {
    h = await startHarness();
    await expect(h.core.submitCode('00000000')).resolves.toEqual({
      ok: false,
      error: { code: 'unknown-code', triesLeft: 4 },
    });
    expect(consumeCalls(h)).toBe(0);
    expect(h.board.dispensed).toEqual([]);
  });

  it('answers code-used when the code was redeemed elsewhere after the cache was filled', async () => {
    h = await startHarness();
    h.state.consume({
      productId: 101,
      code: codes.one,
      tradeId: '99999999999999999999',
      notifyUrl: 'https://x.invalid',
    });
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'code-used', triesLeft: 4 },
    });
    expect(h.board.dispensed).toEqual([]);
    expect(h.store.listRedemptions(['rejected'])[0]?.note).toContain('code-used');
    // The same code again is not a new guess: it costs no try.
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'code-used', triesLeft: 4 },
    });
    expect(consumeCalls(h)).toBe(1);
  });

  it('honours expiry locally', async () => {
    h = await startHarness();
    const created = h.state.createCodes({
      productId: 101,
      count: 1,
      codeLength: 8,
      expiresAt: h.clock.now() + 60_000,
    });
    await h.core.refreshCache();
    await h.clock.advance(61_000);
    const code = created.ok ? created.value[0]!.code : '';
    await expect(h.core.submitCode(code)).resolves.toEqual({
      ok: false,
      error: { code: 'code-expired', triesLeft: 4 },
    });
    expect(consumeCalls(h)).toBe(0);
  });

  it('maps a switched-off pickup-code feature to out-of-service', async () => {
    h = await startHarness();
    h.state.setPickupCodesEnabled(false);
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
    expect(h.board.dispensed).toEqual([]);
  });

  it.each(['down', 'reconnecting'] as const)(
    'refuses before consuming when the board link is %s',
    async (status) => {
      h = await startHarness();
      h.board.setLink(status);
      await expect(h.core.submitCode(codes.one)).resolves.toEqual({
        ok: false,
        error: { code: 'out-of-service' },
      });
      expect(consumeCalls(h)).toBe(0);
      expect(h.core.getState().board).toBe(status);
    },
  );

  it('refuses before consuming when the slot is not on a configured board', async () => {
    h = await startHarness({ boards: [{ addr: 1 }] });
    await expect(h.core.submitCode(codes.boardTwo)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
    expect(consumeCalls(h)).toBe(0);
    expect(h.logger.has('slot.not-configured')).toBe(true);
  });
});

describe('redemption engine: wrong-code throttle', () => {
  it('locks entry after 5 wrong codes, counts down, and doubles the next lockout', async () => {
    h = await startHarness();
    for (let i = 0; i < 4; i++) {
      // Each answer says how many more the keypad takes: 4, 3, 2, then 1.
      await expect(h.core.submitCode(`0000000${i}`)).resolves.toEqual({
        ok: false,
        error: { code: 'unknown-code', triesLeft: 4 - i },
      });
    }
    await expect(h.core.submitCode('00000004')).resolves.toEqual({
      ok: false,
      error: { code: 'locked-out', retryAfterSeconds: 60 },
    });
    expect(h.core.getState().entryLockedUntil).toBe(h.clock.now() + 60_000);
    await h.clock.advance(30_000);
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'locked-out', retryAfterSeconds: 30 },
    });
    await h.clock.advance(30_000);
    expect(h.core.getState().entryLockedUntil).toBeNull();
    for (let i = 0; i < 4; i++) await h.core.submitCode(`1000000${i}`);
    await expect(h.core.submitCode('10000004')).resolves.toEqual({
      ok: false,
      error: { code: 'locked-out', retryAfterSeconds: 120 },
    });
    expect(h.store.listAudit(10).filter((a) => a.kind === 'entry.locked-out')).toHaveLength(2);
  });

  it('does not count malformed codes, nor a real code the cloud could not take, as guesses', async () => {
    h = await startHarness();
    for (let i = 0; i < 10; i++) await h.core.submitCode('123');
    h.cloud.failNext('network', 'consume');
    await h.core.submitCode(codes.one);
    expect(h.core.getState().entryLockedUntil).toBeNull();
  });

  it('keeps a lockout across a restart', async () => {
    h = await startHarness();
    for (let i = 0; i < 5; i++) await h.core.submitCode(`2000000${i}`);
    const next = await h.restart();
    await expect(next.submitCode(codes.one)).resolves.toMatchObject({
      ok: false,
      error: { code: 'locked-out' },
    });
    await next.stop();
  });
});
