import { afterEach, describe, expect, it } from 'vitest';
import { codes, startHarness, type Harness } from '../redemption/harness';

let h: Harness;
afterEach(async () => {
  await h.core.stop();
});

const COLA = 103;
/** Every figure the cloud was sent for a product, in the order it received them. */
const figuresSent = (productId: number): number[] =>
  h.state
    .stockUpdates()
    .flat()
    .filter((s) => s.productId === productId)
    .map((s) => s.currentInventory);
const cloudFigure = (productId: number): number | undefined => h.state.product(productId)?.stock;
const localFigure = (productId: number): number | undefined => h.store.getProduct(productId)?.stock;
const newCode = (productId: number): string => {
  const made = h.state.createCodes({ productId, count: 1, codeLength: 8, expiresAt: null });
  if (!made.ok || made.value[0] === undefined) throw new Error('could not make a code');
  return made.value[0].code;
};

describe('stock books: the two ways the cloud ended with a wrong figure', () => {
  it('a refresh keeps unreported sales, and an old report never lands after a newer one', async () => {
    h = await startHarness();
    const single = newCode(COLA);
    await h.core.refreshCache();
    expect(cloudFigure(COLA)).toBe(9);
    // Stock reports are refused for a while (a 503 from the cloud's front end).
    for (let i = 0; i < 4; i++) h.cloud.failNext('http', 'updateStock');
    await expect(h.core.submitCode(codes.three)).resolves.toMatchObject({
      ok: true,
      value: { dispensed: 3 },
    });
    await h.clock.advance(32_000);
    // An unknown code makes the kiosk refresh its cache: the cloud still says 9.
    await expect(h.core.submitCode('00000001')).resolves.toMatchObject({ ok: false });
    expect(h.cloud.calls.filter((c) => c.call === 'listProducts').length).toBeGreaterThanOrEqual(3);
    expect(localFigure(COLA)).toBe(6);
    await expect(h.core.submitCode(single)).resolves.toMatchObject({ ok: true, value: { dispensed: 1 } });
    expect(localFigure(COLA)).toBe(5);
    await h.clock.advance(15 * 60_000);
    await h.core.flushOutbox(true);
    expect(cloudFigure(COLA)).toBe(5);
    expect(localFigure(COLA)).toBe(5);
    const sent = figuresSent(COLA);
    // Only sales happened, so each figure the cloud received is at most the one before it.
    expect(sent.every((f, i) => i === 0 || f <= (sent[i - 1] ?? Infinity))).toBe(true);
    expect(h.core.diagnostics().outboxLength).toBe(0);
  });

  it('a report whose answer was lost is not counted twice by the next refresh', async () => {
    h = await startHarness();
    h.cloud.loseNextAnswer('updateStock');
    await h.core.submitCode(codes.three);
    await h.core.flushOutbox();
    // The cloud took 6; the kiosk does not know it did.
    expect(cloudFigure(COLA)).toBe(6);
    await h.core.refreshCache();
    expect(localFigure(COLA)).toBe(6);
    await h.core.flushOutbox(true);
    expect(cloudFigure(COLA)).toBe(6);
    expect(h.core.diagnostics().outboxLength).toBe(0);
  });

  it('a refresh that read the cloud before a report landed keeps the reported figure', async () => {
    h = await startHarness();
    h.cloud.failNext('http', 'updateStock');
    await h.core.submitCode(codes.three);
    await h.core.flushOutbox();
    expect(localFigure(COLA)).toBe(6);
    // Every answer now takes a second: the refresh reads the products at 1 s and writes after the codes at 2 s,
    // and the report sent at 0.5 s lands at 1.5 s, between the two.
    h.cloud.latencyMs = 1000;
    const refreshing = h.core.refreshCache();
    await h.clock.advance(500);
    const reporting = h.core.flushOutbox(true);
    await h.clock.advance(5000);
    await Promise.all([refreshing, reporting]);
    expect(cloudFigure(COLA)).toBe(6);
    expect(localFigure(COLA)).toBe(6);
  });

  it('a dashboard change is taken, with the sales it has not seen applied on top', async () => {
    h = await startHarness();
    // Refused with a vendor error: the cloud answered, so it did not apply the figure.
    h.cloud.failNext(10001, 'updateStock');
    await h.core.submitCode(codes.three);
    await h.core.flushOutbox();
    const cola = h.state.product(COLA);
    if (cola) cola.stock = 20;
    await h.core.refreshCache();
    expect(localFigure(COLA)).toBe(17);
    await h.core.flushOutbox(true);
    expect(cloudFigure(COLA)).toBe(17);
  });

  it('after a report that may have landed, keeps its own figure over the dashboard until the cloud takes it', async () => {
    h = await startHarness();
    h.cloud.failNext('timeout', 'updateStock');
    await h.core.submitCode(codes.three);
    await h.core.flushOutbox();
    const cola = h.state.product(COLA);
    if (cola) cola.stock = 20;
    await h.core.refreshCache();
    // 20 may or may not already count the 3 sold: adding them again could be as wrong as ignoring them.
    expect(localFigure(COLA)).toBe(6);
  });
});

describe('stock books: restocking', () => {
  it('takes the counted figure, reports it and counts sales down from it', async () => {
    h = await startHarness();
    await h.core.submitCode(codes.three);
    expect(h.core.recordRestock(COLA, 10)).toEqual({ ok: true, value: { productId: COLA, from: 6, to: 10 } });
    // A refresh before the report leaves keeps the count, not the cloud's 9.
    await h.core.refreshCache();
    expect(localFigure(COLA)).toBe(10);
    await h.core.flushOutbox(true);
    expect(cloudFigure(COLA)).toBe(10);
    expect(h.store.listAudit(10).map((a) => a.kind)).toContain('stock.restocked');
  });

  it('refuses a count above capacity, below zero or for a product it does not know, and changes nothing', async () => {
    h = await startHarness();
    expect(h.core.recordRestock(COLA, 11)).toEqual({ ok: false, error: 'out-of-range' });
    expect(h.core.recordRestock(COLA, -1)).toEqual({ ok: false, error: 'out-of-range' });
    expect(h.core.recordRestock(COLA, 2.5)).toEqual({ ok: false, error: 'out-of-range' });
    expect(h.core.recordRestock(999, 1)).toEqual({ ok: false, error: 'unknown-product' });
    expect(localFigure(COLA)).toBe(9);
    expect(h.store.pendingStock()).toEqual([]);
  });

  it('with reporting off, counts locally and sends nothing', async () => {
    h = await startHarness({
      cloud: { baseUrl: 'https://cloud.invalid', notifyUrl: 'https://cloud.invalid/n', reporting: false },
    });
    await h.core.submitCode(codes.three);
    h.core.recordRestock(COLA, 10);
    await h.core.flushOutbox(true);
    expect(localFigure(COLA)).toBe(10);
    expect(h.cloud.calls.filter((c) => c.call === 'updateStock')).toEqual([]);
  });
});
