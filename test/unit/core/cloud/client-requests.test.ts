import { describe, expect, it } from 'vitest';
import { computeSign } from '../../../../electron/core/protocol/sign';
import { machineApiKey } from '../../../../electron/core/protocol/machine-api-key';
import { answer, envelope, sentFields } from '../../../fakes/scripted-http';
import { harness, testCredentials } from './harness';

describe('what the client sends', () => {
  it('posts a signed base64 payload with Appid/AppSecret headers to /api/openapi/v1/...', async () => {
    const h = harness();
    h.http.script(envelope([]));
    await h.cloud.listCodes(131);
    const req = h.http.requests[0];
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('https://cloud.example.test/api/openapi/v1/products/131/pickup_code');
    expect(req?.headers).toMatchObject({
      Appid: 'test-appid',
      AppSecret: 'test-secret',
      'content-type': 'application/json',
    });
    expect(req?.timeoutMs).toBe(3000);
    const fields = sentFields(req);
    expect(fields.machine_no).toBe('12345678');
    expect(fields.timestamp).toBe(String(Date.UTC(2026, 0, 1, 4) / 1000));
    const { sign, ...signed } = fields;
    expect(sign).toBe(computeSign(signed, testCredentials.appKey).sign);
    expect(req?.body).not.toContain('TESTKEY');
  });

  it('sends consume with method, code, product, notify URL and trade id, all as strings', async () => {
    const h = harness();
    h.http.script(envelope({ order_id: 7, trade_id: '20260101040000000000001' }));
    await h.cloud.consume({ productId: 131, code: '12345678', tradeId: '20260101040000000000001' });
    expect(new URL(h.http.requests[0]?.url ?? '').pathname).toBe('/api/openapi/v1/consumes');
    expect(sentFields(h.http.requests[0])).toMatchObject({
      method: 'event.consume.pickup_code',
      code: '12345678',
      product_id: '131',
      notify_url: 'https://kiosk.example.test/notify',
      trade_id: '20260101040000000000001',
    });
  });

  it('asks machine detail at /rent/machines/{machine_no} and order detail at /orders/{id}', async () => {
    const h = harness();
    h.http.script(envelope({ name: 'M' }), envelope({ order_id: 5 }));
    await h.cloud.machine();
    await h.cloud.orderDetail(5);
    expect(h.http.paths()).toEqual(['/api/openapi/v1/rent/machines/12345678', '/api/openapi/v1/orders/5']);
  });

  it('sends machine-side reports as plain JSON with api-machine-no and a lowercase md5 api-key', async () => {
    const h = harness();
    h.http.script(answer(200, { _request_id: 'r1', code: 1, count: 1, data: [], msg: 'ok' }));
    const done = await h.cloud.updateStock([
      { addr: 2, slotCode: '105', productId: 9, currentInventory: 4, inventory: 6 },
    ]);
    expect(done.ok).toBe(true);
    const req = h.http.requests[0];
    expect(req?.url).toBe('https://cloud.example.test/api/app/v1/machine/standaloneUpdateStock');
    expect(req?.headers).toMatchObject({
      'api-machine-no': '12345678',
      'api-key': machineApiKey('12345678', 'TESTKEY'),
    });
    expect(req?.headers['api-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(req?.headers).not.toHaveProperty('Appid');
    expect(JSON.parse(req?.body ?? '')).toEqual({
      data: [{ current_inventory: 4, inventory: 6, addr: 2, code: '105' }],
    });
  });

  it('signs each retry with a fresh timestamp', async () => {
    const h = harness();
    await h.clock.advance(900); // the ~190 ms backoff then crosses into the next second
    h.http.script(answer(503, 'busy'), envelope('pong'));
    const pending = h.cloud.ping();
    await h.clock.advance(5000);
    expect((await pending).ok).toBe(true);
    const [first, second] = h.http.requests.map((r) => Number(sentFields(r).timestamp));
    expect(second).toBeGreaterThan(first ?? Infinity);
  });
});
