import { afterEach, describe, expect, it } from 'vitest';
import { codes, consumeCalls, startHarness, type Harness } from './harness';
import { nextOrderBatch } from '../../../../electron/core/redemption/outbox-worker';

let h: Harness;
afterEach(async () => {
  await h.core.stop();
  h.store.close();
});

const offline = { offline: { policy: 'allow-cached' as const, maxCacheAgeSeconds: 900 } };

describe('redemption engine: board faults', () => {
  it('locks the slot on an unknown outcome, needs attention, and refuses that slot before consuming', async () => {
    h = await startHarness();
    h.board.queue({ outcome: 'unknown', reason: 'reply lost, status unreadable' });
    await expect(h.core.submitCode(codes.one)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'attention', dispensed: 0 },
    });
    expect(h.core.diagnostics().slotLocks).toMatchObject([
      { addr: 1, slot: 0, reason: 'reply lost, status unreadable' },
    ]);
    expect(h.core.diagnostics().needsAttention).toHaveLength(1);
    // Another code for the same product must not be consumed while its slot is locked.
    const created = h.state.createCodes({ productId: 101, count: 1, codeLength: 8, expiresAt: null });
    await h.core.refreshCache();
    const second = created.ok ? created.value[0]!.code : '';
    await expect(h.core.submitCode(second)).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
    expect(consumeCalls(h)).toBe(1);
    expect(h.core.clearSlotLock(1, 0)).toBe(true);
    await expect(h.core.submitCode(second)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'success' },
    });
    expect(h.store.listAudit(20).map((a) => a.kind)).toEqual(
      expect.arrayContaining(['slot.locked', 'slot.unlocked']),
    );
  });

  it('reports a partial failure per unit and does not drive a failed slot again', async () => {
    h = await startHarness();
    h.board.queue({ outcome: 'success' }, { outcome: 'failed', reason: 'Goods are Stuck', faultCode: null });
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'partial', dispensed: 1, of: 3 },
    });
    expect(h.board.dispensed).toHaveLength(2);
    const [r] = h.store.listRedemptions(['completed']);
    expect(h.store.listUnits(r!.id).map((u) => [u.state, u.reason])).toEqual([
      ['success', null],
      ['failed', 'Goods are Stuck'],
      ['skipped', 'not attempted after a failed unit'],
    ]);
    await h.core.flushOutbox();
    const uploaded = h.state.uploadedOrders().flat() as {
      records: { delivery_logs: { status: number; fail_reason: string }[] }[];
    }[];
    expect(uploaded[0]?.records[0]?.delivery_logs.map((l) => l.status)).toEqual([1, 0, 2]);
    expect(uploaded[0]?.records[0]?.delivery_logs[1]?.fail_reason).toBe('Goods are Stuck');
  });
});

describe('redemption engine: cloud outages', () => {
  it('deny: says the cloud is unreachable, dispenses nothing, and resumes with the same trade id later', async () => {
    h = await startHarness();
    h.cloud.failNext('network', 'consume');
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'cloud-unreachable' },
    });
    expect(h.board.dispensed).toEqual([]);
    const [abandoned] = h.store.listRedemptions(['abandoned']);
    expect(abandoned?.pendingCode).toBeNull();
    await expect(h.core.submitCode(codes.one)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'success' },
    });
    const tradeIds = h.cloud.calls
      .filter((c) => c.call === 'consume')
      .map((c) => (c.arg as { tradeId: string }).tradeId);
    expect(tradeIds).toEqual([abandoned!.tradeId, abandoned!.tradeId]);
  });

  it('deny: a consume that took effect but whose answer was lost is recognised as ours on retry', async () => {
    h = await startHarness();
    h.cloud.loseNextAnswer('consume');
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'cloud-unreachable' },
    });
    await expect(h.core.submitCode(codes.one)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'success', dispensed: 1 },
    });
    expect(h.state.orders()).toHaveLength(1);
    expect(h.board.dispensed).toHaveLength(1);
  });

  it('allow-cached: dispenses on a fresh cache, sends the consume when the cloud returns, then the order', async () => {
    h = await startHarness(offline);
    h.cloud.failNext('network', 'consume');
    await expect(h.core.submitCode(codes.one)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'success' },
    });
    const [r] = h.store.listRedemptions(['completed']);
    expect(r).toMatchObject({ consumePending: true, orderId: null });
    expect(h.store.listAudit(10).some((a) => a.kind === 'redemption.offline')).toBe(true);
    await h.core.flushOutbox();
    expect(h.store.getRedemption(r!.id)).toMatchObject({
      consumePending: false,
      pendingCode: null,
      state: 'reported',
    });
    expect(h.state.orders()[0]?.tradeId).toBe(r!.tradeId);
  });

  it('allow-cached: refuses when the cache is older than the maximum age', async () => {
    h = await startHarness({
      ...offline,
      cloud: {
        baseUrl: 'https://cloud.invalid',
        notifyUrl: 'https://cloud.invalid/n',
        cacheRefreshSeconds: 86_400,
      },
    });
    await h.clock.advance(901_000);
    h.cloud.failNext('network', 'consume');
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'cloud-unreachable' },
    });
    expect(h.board.dispensed).toEqual([]);
  });

  it('allow-cached: a code used elsewhere meanwhile is a conflict, logged, flagged and still reported', async () => {
    h = await startHarness(offline);
    h.cloud.failNext('timeout', 'consume');
    await h.core.submitCode(codes.one);
    h.state.consume({
      productId: 101,
      code: codes.one,
      tradeId: '88888888888888888888',
      notifyUrl: 'https://x.invalid',
    });
    await h.core.flushOutbox();
    const [r] = h.store.listRedemptions(['reported']);
    expect(r).toMatchObject({ attention: true, consumePending: false });
    expect(r?.note).toContain('offline conflict');
    expect(h.logger.lines.some((l) => l.level === 'error' && l.event === 'redemption.offline-conflict')).toBe(
      true,
    );
    expect(h.state.uploadedOrders().flat()).toHaveLength(1);
  });

  it('keeps reports in the outbox while the cloud is down and sends them in batches of at most 50', async () => {
    h = await startHarness({ throttle: { maxWrongCodes: 50 } });
    for (let i = 0; i < 60; i++)
      h.state.createCodes({ productId: 106, count: 1, codeLength: 8, expiresAt: null });
    // A slot deep enough for every code: a code the slot cannot cover is refused before its consume.
    const bars = h.state.product(106);
    if (bars) Object.assign(bars, { stock: 100, capacity: 100 });
    h.state.setOnline(true);
    await h.core.refreshCache();
    const fresh = h.state
      .codes()
      .filter((c) => c.productId === 106 && c.status === 'UNUSED')
      .slice(0, 55);
    for (const c of fresh) await h.core.submitCode(c.code);
    h.cloud.failNext('network', 'uploadOrders');
    await h.core.flushOutbox();
    expect(h.core.diagnostics().outboxLength).toBeGreaterThanOrEqual(55);
    await h.clock.advance(10_000);
    await h.core.flushOutbox();
    const batches = h.cloud.calls
      .filter((c) => c.call === 'uploadOrders')
      .map((c) => (c.arg as unknown[]).length);
    // The 50 of the failed request go again in fives, never mixed with the 5 that were not sent yet.
    expect(batches).toEqual([50, ...Array<number>(10).fill(5), 5]);
    expect(h.core.diagnostics().outboxLength).toBe(0);
  });
});

describe('redemption engine: abandoned consumes', () => {
  it('flags an abandoned redemption for an operator once its code vanishes from the cloud list', async () => {
    h = await startHarness();
    h.cloud.loseNextAnswer('consume');
    await expect(h.core.submitCode(codes.one)).resolves.toEqual({
      ok: false,
      error: { code: 'cloud-unreachable' },
    });
    const [abandoned] = h.store.listRedemptions(['abandoned']);
    expect(abandoned?.attention).toBe(false);
    await h.core.refreshCache();
    expect(h.store.getRedemption(abandoned!.id)).toMatchObject({ attention: true });
    expect(h.store.getRedemption(abandoned!.id)?.note).toContain(abandoned!.tradeId);
    expect(h.core.diagnostics().needsAttention.map((r) => r.id)).toEqual([abandoned!.id]);
  });

  it('clears that flag itself when the customer comes back and the redemption then delivers in full', async () => {
    h = await startHarness();
    h.cloud.loseNextAnswer('consume');
    await h.core.submitCode(codes.one);
    const [abandoned] = h.store.listRedemptions(['abandoned']);
    await h.core.refreshCache();
    expect(h.store.getRedemption(abandoned!.id)?.attention).toBe(true);
    await expect(h.core.submitCode(codes.one)).resolves.toMatchObject({
      ok: true,
      value: { outcome: 'success' },
    });
    expect(h.store.getRedemption(abandoned!.id)).toMatchObject({ attention: false, note: null });
    expect(h.core.diagnostics().needsAttention).toEqual([]);
    const audit = h.store.listAudit(20).find((a) => a.kind === 'attention.resolved');
    const detail = JSON.parse(audit?.detail ?? '{}') as { redemption?: string; by?: string; was?: string };
    expect(detail).toMatchObject({ redemption: abandoned!.id, by: 'delivered in full' });
    expect(detail.was).toContain(abandoned!.tradeId);
  });

  it('leaves an abandoned redemption alone while its code is still unused in the cloud', async () => {
    h = await startHarness();
    h.cloud.failNext('network', 'consume');
    await h.core.submitCode(codes.one);
    await h.core.refreshCache();
    expect(h.store.listRedemptions(['abandoned'])[0]?.attention).toBe(false);
  });
});

describe('redemption engine: order uploads after a lost answer', () => {
  it('sends each order of a request whose answer was lost at most once more, never in a growing batch', async () => {
    h = await startHarness();
    h.cloud.loseNextAnswer('uploadOrders');
    for (const code of [codes.one, codes.two]) await h.core.submitCode(code);
    await h.core.flushOutbox();
    await h.clock.advance(10_000);
    await h.core.flushOutbox();
    const sent = h.cloud.calls
      .filter((c) => c.call === 'uploadOrders')
      .flatMap((c) => (c.arg as { tradeId: string }[]).map((o) => o.tradeId));
    const times = new Map<string, number>();
    for (const id of sent) times.set(id, (times.get(id) ?? 0) + 1);
    expect([...times.values()].every((n) => n <= 2)).toBe(true);
    expect(h.core.diagnostics().outboxLength).toBe(0);
  });

  it('isolates an order the cloud keeps refusing, so the others still go out', () => {
    const row = (id: number, attempts: number) => ({
      id,
      kind: 'order' as const,
      redemptionId: String(id),
      payload: '{}',
      attempts,
      nextAttemptAt: 0,
      lastError: null,
    });
    expect(nextOrderBatch([row(1, 0), row(2, 0)]).map((r) => r.id)).toEqual([1, 2]);
    expect(nextOrderBatch([row(1, 1), row(2, 0), row(3, 1)]).map((r) => r.id)).toEqual([1, 3]);
    expect(nextOrderBatch([row(1, 2), row(2, 1)]).map((r) => r.id)).toEqual([1]);
  });
});
