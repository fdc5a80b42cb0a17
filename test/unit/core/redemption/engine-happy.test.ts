import { afterEach, describe, expect, it } from 'vitest';
import { codes, consumeCalls, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.core.stop();
  h.store.close();
});

describe('redemption engine: the happy path', () => {
  it('consumes, dispenses one unit from the right slot, and journals every step', async () => {
    h = await startHarness();
    const result = await h.core.submitCode(codes.one);
    expect(result).toMatchObject({
      ok: true,
      value: { outcome: 'success', dispensed: 1, of: 1, productName: 'Sparkling Water' },
    });
    expect(h.board.dispensed).toEqual([{ addr: 1, slot: 0, type: 1, dropCheck: true, lift: false }]);
    const [r] = h.store.listRedemptions(['completed']);
    expect(r).toMatchObject({ state: 'completed', quantity: 1, pendingCode: null, attention: false });
    expect(r?.codeMask).toBe('******57');
    expect(h.store.listUnits(r!.id).map((u) => u.state)).toEqual(['success']);
    expect(h.state.codes().find((c) => c.code === codes.one)?.status).toBe('USED');
    expect(h.state.orders()[0]?.tradeId).toBe(r?.tradeId);
  });

  it('hands the preflight it checked before the consume to the dispense, so the board is read once', async () => {
    h = await startHarness();
    await h.core.submitCode(codes.one);
    expect(h.board.preflights).toHaveLength(1);
    expect(h.board.passesSeen).toEqual([expect.objectContaining({ addr: 1, epoch: 1 })]);
  });

  it('shows "dispensing" as the consume is answered, before its commit; the motor waits for the commit', async () => {
    h = await startHarness();
    const seen: string[] = [];
    const unitsOnDisk = (): number => {
      const [r] = h.store.listRedemptions(['consuming', 'dispensing']);
      return r === undefined ? 0 : h.store.listUnits(r.id).length;
    };
    h.core.on('progress', (p) => {
      if (p.stage === 'dispensing') seen.push(`screen:${p.unit ?? 0} intents:${unitsOnDisk()}`);
    });
    h.board.onDispense = () => {
      seen.push(`motor intents:${unitsOnDisk()}`);
    };
    await h.core.submitCode(codes.one);
    // Told once, with nothing written yet; the command only once the unit's intent is durable.
    expect(seen).toEqual(['screen:1 intents:0', 'motor intents:1']);
  });

  it('dispenses a quantity of 3 one unit at a time with "n of m" progress', async () => {
    h = await startHarness();
    const result = await h.core.submitCode(codes.three);
    expect(result).toMatchObject({ ok: true, value: { outcome: 'success', dispensed: 3, of: 3 } });
    expect(h.board.dispensed).toHaveLength(3);
    const dispensing = h.progress.filter((p) => p.stage === 'dispensing').map((p) => `${p.unit} of ${p.of}`);
    expect(dispensing).toEqual(['1 of 3', '2 of 3', '3 of 3']);
    expect(h.progress[0]?.stage).toBe('checking');
  });

  it('uses the slot type, drop sensor and lift of the configured board', async () => {
    h = await startHarness();
    await h.core.submitCode(codes.boardTwo);
    expect(h.board.dispensed).toEqual([{ addr: 2, slot: 9, type: 3, dropCheck: false, lift: false }]);
  });

  it('keeps no code in clear in the cache and drops a redeemed code from it', async () => {
    h = await startHarness();
    expect(h.core.diagnostics().cacheAgeMs).toBe(0);
    await h.core.submitCode(codes.one);
    const again = await h.core.submitCode(codes.one);
    expect(again).toEqual({ ok: false, error: { code: 'code-used', triesLeft: 4 } });
    expect(consumeCalls(h)).toBe(1);
    expect(h.board.dispensed).toHaveLength(1);
  });

  it('reports the order with a delivery log per unit and the stock, then marks it reported', async () => {
    h = await startHarness();
    await h.core.submitCode(codes.two);
    expect(h.core.diagnostics().outboxLength).toBe(2);
    await h.core.flushOutbox();
    expect(h.core.diagnostics().outboxLength).toBe(0);
    const uploaded = h.state.uploadedOrders().flat() as {
      status: number;
      records: { delivery_logs: { status: number }[] }[];
    }[];
    expect(uploaded).toHaveLength(1);
    expect(uploaded[0]?.status).toBe(7);
    expect(uploaded[0]?.records[0]?.delivery_logs.map((l) => l.status)).toEqual([1, 1]);
    expect(h.state.stockUpdates()).toHaveLength(1);
    expect(h.store.listRedemptions(['reported'])).toHaveLength(1);
  });

  it('does not queue reports when reporting is turned off', async () => {
    h = await startHarness({
      cloud: { baseUrl: 'https://cloud.invalid', notifyUrl: 'https://cloud.invalid/n', reporting: false },
    });
    await h.core.submitCode(codes.one);
    expect(h.core.diagnostics().outboxLength).toBe(0);
    expect(h.store.listRedemptions(['reported'])).toHaveLength(1);
  });

  it('refuses codes until start() has resolved interrupted work', async () => {
    h = await startHarness({}, false);
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({ ok: false, error: { code: 'busy' } });
    expect(h.core.getState().phase).toBe('starting');
    await h.core.start();
    expect(h.core.getState().phase).toBe('ready');
  });

  it('refuses a second code while one is being redeemed', async () => {
    h = await startHarness();
    h.cloud.latencyMs = 1000;
    const first = h.core.submitCode(codes.one);
    await expect(h.core.submitCode(codes.two)).resolves.toEqual({ ok: false, error: { code: 'busy' } });
    await h.clock.advance(1000);
    await expect(first).resolves.toMatchObject({ ok: true });
  });

  it('refreshes the code cache once on a miss when it is older than the configured age', async () => {
    h = await startHarness();
    const created = h.state.createCodes({ productId: 104, count: 1, codeLength: 8, expiresAt: null });
    const fresh = created.ok ? created.value[0]!.code : '';
    await h.clock.advance(10_000);
    await expect(h.core.submitCode(fresh)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-code' },
    });
    await h.clock.advance(31_000);
    await expect(h.core.submitCode(fresh)).resolves.toMatchObject({ error: { code: 'code-checking' } });
    await h.clock.advance(0);
    await expect(h.core.submitCode(fresh)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'success' },
    });
  });
});

describe('redemption engine: stock reports', () => {
  it('reports a backlog of sales as one stock report, one figure per product: the count after them all', async () => {
    h = await startHarness({ throttle: { maxWrongCodes: 50 } });
    for (let i = 0; i < 3; i++)
      h.state.createCodes({ productId: 106, count: 30, codeLength: 8, expiresAt: null });
    const bars = h.state.product(106);
    if (bars) Object.assign(bars, { stock: 100, capacity: 100 });
    await h.core.refreshCache();
    const fresh = h.state.codes().filter((c) => c.productId === 106 && c.status === 'UNUSED');
    let dispensed = 0;
    for (const c of fresh.slice(0, 70)) {
      const answer = await h.core.submitCode(c.code);
      if (answer.ok) dispensed += answer.value.dispensed;
    }
    await h.core.flushOutbox();
    expect(h.core.diagnostics().outboxLength).toBe(0);
    const stockCalls = h.cloud.calls
      .filter((c) => c.call === 'updateStock')
      .map((c) => c.arg as { productId: number }[]);
    expect(stockCalls).toHaveLength(1);
    expect(stockCalls[0]?.map((s) => s.productId)).toEqual([106]);
    // 70 codes, the demo's 2-item code among them.
    expect(dispensed).toBe(71);
    expect(h.state.product(106)?.stock).toBe(100 - dispensed);
  });
});

describe('kiosk core: background loops', () => {
  it('keeps one pending timer per loop however long it runs, and none after stop', async () => {
    h = await startHarness();
    expect(h.clock.pendingTimers()).toBe(4);
    await h.clock.advance(3_600_000);
    expect(h.clock.pendingTimers()).toBe(4);
    expect(h.cloud.calls.filter((c) => c.call === 'listProducts').length).toBeGreaterThan(10);
    // Stop while a refresh round is still waiting on the cloud: when it ends, no further round is scheduled.
    h.cloud.latencyMs = 1000;
    await h.clock.advance(300_000);
    await h.core.stop();
    await h.clock.advance(600_000);
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('logs a failed round and keeps looping', async () => {
    h = await startHarness();
    const original = h.cloud.listProducts.bind(h.cloud);
    h.cloud.listProducts = () => Promise.reject(new Error('bug'));
    await h.clock.advance(300_000);
    expect(h.logger.lines.some((l) => l.event === 'core.loop-failed' && l.fields.loop === 'cache')).toBe(
      true,
    );
    h.cloud.listProducts = original;
    const before = h.cloud.calls.filter((c) => c.call === 'listProducts').length;
    await h.clock.advance(300_000);
    expect(h.cloud.calls.filter((c) => c.call === 'listProducts').length).toBe(before + 1);
  });
});
