import { describe, expect, it } from 'vitest';
import { answer, envelope, failure } from '../../../fakes/scripted-http';
import { harness, settle } from './harness';

describe('retries', () => {
  it('retries a read after a timeout, waiting a jittered backoff on the injected clock', async () => {
    const h = harness({ retries: 2, random: () => 0 });
    h.http.script(failure('timeout'), failure('network', 'ECONNRESET'), envelope([]));
    const pending = h.cloud.listCodes(1);
    await h.clock.advance(0);
    expect(h.http.requests).toHaveLength(1);
    await h.clock.advance(124);
    expect(h.http.requests).toHaveLength(1);
    await h.clock.advance(1);
    expect(h.http.requests).toHaveLength(2);
    await h.clock.advance(250);
    expect(h.http.requests).toHaveLength(3);
    expect(await pending).toEqual({ ok: true, value: [] });
    expect(h.logger.lines.filter((l) => l.event === 'cloud.retry').map((l) => l.fields.delayMs)).toEqual([
      125, 250,
    ]);
  });

  it('retries HTTP 5xx and 429, not 4xx', async () => {
    const h = harness({ retries: 3 });
    h.http.script(answer(500, 'oops'), answer(429, 'slow down'), envelope('pong'));
    expect((await settle(h.clock, h.cloud.ping())).ok).toBe(true);
    expect(h.http.requests).toHaveLength(3);

    const h2 = harness({ retries: 3 });
    h2.http.script(answer(404, 'nope'));
    expect(await settle(h2.clock, h2.cloud.ping())).toMatchObject({
      ok: false,
      error: { code: 'http', httpStatus: 404 },
    });
    expect(h2.http.requests).toHaveLength(1);
  });

  it('never retries a vendor refusal or a malformed answer', async () => {
    const h = harness({ retries: 3 });
    h.http.script(envelope({}, 30002, 'offline'));
    await settle(h.clock, h.cloud.machine());
    const h2 = harness({ retries: 3 });
    h2.http.script(answer(200, '{"code":0,'));
    await settle(h2.clock, h2.cloud.machine());
    expect([h.http.requests.length, h2.http.requests.length]).toEqual([1, 1]);
  });

  it('gives up after the configured number of retries', async () => {
    const h = harness({ retries: 2 });
    h.http.fallback = () => failure('timeout');
    expect(await settle(h.clock, h.cloud.orderDetail(3))).toMatchObject({
      ok: false,
      error: { code: 'timeout' },
    });
    expect(h.http.requests).toHaveLength(3);
  });

  it('sends a write once: consume, uploads and admin calls are never retried here', async () => {
    const h = harness({ retries: 5 });
    h.http.fallback = () => failure('timeout');
    await settle(
      h.clock,
      h.cloud.consume({ productId: 1, code: '12345678', tradeId: '20260101040000000000001' }),
    );
    await settle(
      h.clock,
      h.cloud.uploadOrders([
        {
          tradeId: '20260101040000000000001',
          pickupCodeId: 1,
          productId: 1,
          quantity: 1,
          price: '1.00',
          createdAt: 0,
          deliveryLogs: [],
        },
      ]),
    );
    await settle(
      h.clock,
      h.cloud.updateStock([{ addr: 1, slotCode: '001', productId: 1, currentInventory: 1, inventory: 1 }]),
    );
    expect(h.http.requests).toHaveLength(3);
  });
});
