import { describe, expect, it } from 'vitest';
import { envelope, failure } from '../../../fakes/scripted-http';
import { harness, settle } from './harness';

const ours = '20260101040000000000001';
const req = { productId: 131, code: '12345678', tradeId: ours };
const order = (tradeId: string) => ({
  order_id: '77',
  trade_id: tradeId,
  amount: '3.00',
  status: 'PICKUPCODE',
  pickup_code_id: 2111,
  records: [{ id: 1, product_id: '131', quantity: '2', price: '1.50' }],
});

describe('consume', () => {
  it('answers the order, normalised', async () => {
    const h = harness();
    h.http.script(envelope(order(ours)));
    expect(await h.cloud.consume(req)).toEqual({
      ok: true,
      value: {
        orderId: 77,
        tradeId: ours,
        pickupCodeId: 2111,
        amount: '3.00',
        records: [{ id: 1, productId: 131, quantity: 2, price: '1.50' }],
      },
    });
  });

  it('10025 for our own trade id: the earlier attempt went through, so its order is the answer', async () => {
    const h = harness();
    h.http.script(envelope({ order_id: 77 }, 10025, '取货码已使用'), envelope(order(ours)));
    const result = await h.cloud.consume(req);
    expect(result).toMatchObject({ ok: true, value: { orderId: 77, tradeId: ours } });
    expect(h.http.paths()).toEqual(['/api/openapi/v1/consumes', '/api/openapi/v1/orders/77']);
    expect(h.logger.has('cloud.consume.already-ours')).toBe(true);
  });

  it('10025 for another trade id: the code was used elsewhere', async () => {
    const h = harness();
    h.http.script(envelope({ order_id: 77 }, 10025, '取货码已使用'), envelope(order('99999999999999999999')));
    expect(await h.cloud.consume(req)).toMatchObject({
      ok: false,
      error: { code: 'code-used', vendorCode: 10025, vendorMessage: '取货码已使用' },
    });
  });

  it('10025 without an order id, and 6033, are code-used', async () => {
    const h = harness();
    h.http.script(envelope({}, 10025, 'used'), envelope({}, 6033, 'used'));
    expect(await h.cloud.consume(req)).toMatchObject({ ok: false, error: { code: 'code-used' } });
    expect(await h.cloud.consume(req)).toMatchObject({
      ok: false,
      error: { code: 'code-used', vendorCode: 6033 },
    });
    expect(h.http.requests).toHaveLength(2);
  });

  it("when the used code's order cannot be fetched, says so instead of claiming code-used", async () => {
    const h = harness({ retries: 1 });
    h.http.script(envelope({ order_id: 77 }, 10025, 'used'));
    h.http.fallback = () => failure('timeout');
    const result = await settle(h.clock, h.cloud.consume(req));
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(!result.ok && result.error.detail).toMatch(/already used; its order 77 could not be checked/);
  });

  it('a timeout is returned as such; calling again with the same trade id is then safe', async () => {
    const h = harness();
    h.http.script(failure('timeout'), envelope({ order_id: 77 }, 10025, 'used'), envelope(order(ours)));
    expect(await h.cloud.consume(req)).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(await h.cloud.consume(req)).toMatchObject({ ok: true, value: { orderId: 77 } });
  });

  it.each([
    [6032, 'code-expired'],
    [80002, 'code-not-found'],
    [10023, 'feature-off'],
    [30002, 'machine-unavailable'],
    [60003, 'stock'],
    [6047, 'stock'],
    [4006, 'auth'],
    [12345, 'vendor'],
  ])('vendor code %i is %s', async (vendorCode, code) => {
    const h = harness();
    h.http.script(envelope({}, vendorCode, 'msg'));
    expect(await h.cloud.consume(req)).toMatchObject({ ok: false, error: { code, vendorCode } });
  });

  it('refuses a trade id outside 20–32 letters or digits without calling the cloud', async () => {
    const h = harness();
    expect(await h.cloud.consume({ ...req, tradeId: '123' })).toMatchObject({
      ok: false,
      error: { code: 'vendor', vendorCode: null },
    });
    expect(await h.cloud.consume({ ...req, tradeId: '1'.repeat(33) })).toMatchObject({ ok: false });
    expect(h.http.requests).toHaveLength(0);
  });
});
