import { describe, expect, it } from 'vitest';
import type { OrderReport } from '../../../../electron/core/ports/vendor-cloud';
import { answer, failure } from '../../../fakes/scripted-http';
import { harness } from './harness';

const at = Date.UTC(2026, 0, 1, 4, 0, 0);
const report = (i: number): OrderReport => ({
  tradeId: `2026010104000000000${String(i).padStart(4, '0')}`,
  pickupCodeId: 2111,
  productId: 131,
  quantity: 2,
  price: '3.50',
  createdAt: at,
  deliveryLogs: [
    { slotName: 'A21', deliveryNo: `D${i}-0`, deliveryIndex: 0, status: 1, failReason: '', at },
    { slotName: 'A21', deliveryNo: `D${i}-1`, deliveryIndex: 1, status: 0, failReason: 'jam', at: at + 5000 },
  ],
});
const accepted = answer(200, { _request_id: 'r' });

describe('uploadOrders', () => {
  it('sends pickup-code orders in the upload format', async () => {
    const h = harness();
    h.http.script(accepted);
    expect((await h.cloud.uploadOrders([report(1)])).ok).toBe(true);
    expect(h.http.paths()).toEqual(['/api/app/v1/batchUploadOrders']);
    expect(JSON.parse(h.http.requests[0]?.body ?? '')).toEqual([
      {
        trade_id: '20260101040000000000001',
        status: 7,
        pickup_code_id: 2111,
        trade_type: 2,
        payment_id: 0,
        amount: '7.00',
        created_at: '2026-01-01 12:00:00',
        records: [
          {
            product_id: 131,
            quantity: 2,
            price: '3.50',
            tax_amount: '0.00',
            delivery_logs: [
              {
                code: 'A21',
                delivery_no: 'D1-0',
                delivery_index: 0,
                status: 1,
                fail_reason: '',
                created_at: '2026-01-01 12:00:00',
                updated_at: '2026-01-01 12:00:00',
              },
              {
                code: 'A21',
                delivery_no: 'D1-1',
                delivery_index: 1,
                status: 0,
                fail_reason: 'jam',
                created_at: '2026-01-01 12:00:05',
                updated_at: '2026-01-01 12:00:05',
              },
            ],
          },
        ],
      },
    ]);
  });

  it('splits into batches of at most 50', async () => {
    const h = harness();
    h.http.fallback = () => accepted;
    await h.cloud.uploadOrders(Array.from({ length: 101 }, (_, i) => report(i)));
    expect(h.http.requests.map((r) => (JSON.parse(r.body ?? '') as unknown[]).length)).toEqual([50, 50, 1]);
    expect(await h.cloud.uploadOrders([])).toEqual({ ok: true, value: undefined });
    expect(h.http.requests).toHaveLength(3);
  });

  it('stops at a refused batch and says how many went before it', async () => {
    const h = harness();
    h.http.script(accepted, answer(400, { _request_id: 'r', msg: 'trade_id duplicated' }));
    const result = await h.cloud.uploadOrders(Array.from({ length: 120 }, (_, i) => report(i)));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'vendor', httpStatus: 400, vendorMessage: 'trade_id duplicated' },
    });
    expect(!result.ok && result.error.detail).toMatch(/orders 51–100 of 120.*50 accepted before this batch/);
    expect(h.http.requests).toHaveLength(2);
  });

  it.each([
    ['a refused machine key', answer(401, { msg: 'bad key' }), 'auth'],
    ['an HTML page', answer(200, '<html><body>portal</body></html>'), 'malformed'],
    ['a gateway error', answer(504, '<html>timeout</html>'), 'http'],
    ['a dropped connection', failure('network', 'socket hang up'), 'network'],
  ])('%s is a typed error', async (_name, reply, code) => {
    const h = harness();
    h.http.script(reply);
    expect(await h.cloud.uploadOrders([report(1)])).toMatchObject({ ok: false, error: { code } });
  });
});

describe('updateStock', () => {
  it('names a slot by motor code, or by product id when the code is unknown', async () => {
    const h = harness();
    h.http.script(answer(200, { code: 1, count: 2, data: [], msg: 'ok' }));
    await h.cloud.updateStock([
      { addr: 1, slotCode: '020', productId: 5, currentInventory: 3, inventory: 8 },
      { addr: 2, slotCode: '', productId: 6, currentInventory: 0, inventory: 8 },
    ]);
    expect(JSON.parse(h.http.requests[0]?.body ?? '')).toEqual({
      data: [
        { current_inventory: 3, inventory: 8, addr: 1, code: '020' },
        { current_inventory: 0, inventory: 8, addr: 2, product_id: 6 },
      ],
    });
  });

  it('treats code 0 as refused, and sends nothing for an empty list', async () => {
    const h = harness();
    h.http.script(answer(200, { code: '0', count: 0, data: [], msg: 'machine not found' }));
    const items = [{ addr: 1, slotCode: '001', productId: 1, currentInventory: 1, inventory: 1 }];
    expect(await h.cloud.updateStock(items)).toMatchObject({
      ok: false,
      error: { code: 'vendor', vendorCode: 0, vendorMessage: 'machine not found' },
    });
    expect(await h.cloud.updateStock([])).toEqual({ ok: true, value: undefined });
    expect(h.http.requests).toHaveLength(1);
  });
});
