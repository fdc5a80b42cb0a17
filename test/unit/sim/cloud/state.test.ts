import { describe, expect, it } from 'vitest';
import { demoSeed } from '../../../../electron/sim/cloud/demo-seed';
import { SimCloudState } from '../../../../electron/sim/cloud/state';

const tradeId = (n: number): string => `2026010100000000000000${String(n).padStart(2, '0')}`;
const consume = (state: SimCloudState, code: string, productId: number, n = 1) =>
  state.consume({ productId, code, tradeId: tradeId(n), notifyUrl: 'https://kiosk.test/notify' });

describe('SimCloudState', () => {
  it('lists products per cabinet and per board, sorted by board and slot', () => {
    const state = new SimCloudState(demoSeed());
    expect(state.products({ cabinet: 'A' }).map((p) => p.slotName)).toEqual([
      'A01',
      'A02',
      'A03',
      'A10',
      'A11',
      'A12',
    ]);
    expect(state.products({ addr: 2 }).map((p) => [p.id, p.motorCode])).toEqual([
      [201, '100'],
      [202, '101'],
      [203, '109'],
      [204, '110'],
    ]);
  });

  it('consumes a code: marks it used, records an order with the amount for its quantity', () => {
    const state = new SimCloudState(demoSeed(), { now: () => Date.UTC(2026, 0, 1) });
    const result = consume(state, '11223344', 103);
    expect(result).toMatchObject({
      ok: true,
      value: { tradeId: tradeId(1), pickupCodeId: 5003, quantity: 3, amount: '9.00' },
    });
    expect(state.codes().find((c) => c.id === 5003)).toMatchObject({
      status: 'USED',
      orderId: result.ok ? result.value.orderId : -1,
    });
    expect(state.listCodes(103)).toEqual({ ok: true, value: [] });
  });

  it('answers 10025 with the order id for a used code, and 6032 once a code expires', () => {
    let now = Date.UTC(2026, 0, 1);
    const state = new SimCloudState(demoSeed(), { now: () => now });
    const first = consume(state, '24681357', 101, 1);
    expect(consume(state, '24681357', 101, 2)).toEqual({
      ok: false,
      error: {
        vendorCode: 10025,
        message: '取货码已使用',
        data: { order_id: first.ok ? first.value.orderId : -1 },
      },
    });
    expect(state.listCodes(203).ok && state.listCodes(203)).toMatchObject({ value: [{ code: '55667788' }] });
    now = Date.UTC(2100, 0, 1);
    expect(state.listCodes(203)).toEqual({ ok: true, value: [] });
    expect(consume(state, '55667788', 203, 3)).toMatchObject({ ok: false, error: { vendorCode: 6032 } });
  });

  it('checks the switch, the machine, the trade id, the product, the code and the stock, in that order', () => {
    const state = new SimCloudState(demoSeed());
    state.setPickupCodesEnabled(false);
    expect(consume(state, '24681357', 101)).toMatchObject({ ok: false, error: { vendorCode: 10023 } });
    expect(state.listCodes(101)).toMatchObject({ ok: false, error: { vendorCode: 10023 } });
    state.setPickupCodesEnabled(true);
    state.setOnline(false);
    expect(consume(state, '24681357', 101)).toMatchObject({ ok: false, error: { vendorCode: 30002 } });
    state.setOnline(true);
    expect(
      state.consume({ productId: 101, code: '24681357', tradeId: 'short', notifyUrl: 'x' }),
    ).toMatchObject({ ok: false, error: { vendorCode: 10001 } });
    expect(consume(state, '24681357', 999)).toMatchObject({ ok: false, error: { vendorCode: 80002 } });
    expect(consume(state, '24681357', 102)).toMatchObject({ ok: false, error: { vendorCode: 80002 } });
    state.recordStockUpdate([{ addr: 1, motorCode: '000', currentInventory: 0, inventory: 10 }]);
    expect(consume(state, '24681357', 101)).toMatchObject({ ok: false, error: { vendorCode: 60003 } });
    expect(state.orders()).toHaveLength(0);
  });

  it('refuses a trade id already used by another order', () => {
    const state = new SimCloudState(demoSeed());
    expect(consume(state, '24681357', 101, 7).ok).toBe(true);
    expect(consume(state, '80808080', 202, 7)).toMatchObject({ ok: false, error: { vendorCode: 10001 } });
  });

  it('creates codes deterministically, of the asked length, and cancels them', () => {
    const make = () => new SimCloudState(demoSeed(), { randomSeed: 7, now: () => Date.UTC(2026, 0, 1) });
    const a = make().createCodes({ productId: 101, count: 3, codeLength: 8, expiresAt: null });
    const b = make().createCodes({ productId: 101, count: 3, codeLength: 8, expiresAt: null });
    expect(a).toEqual(b);
    const state = make();
    const created = state.createCodes({ productId: 101, count: 2, codeLength: 10, expiresAt: null });
    expect(created.ok && created.value.map((c) => c.code.length)).toEqual([10, 10]);
    const id = created.ok ? (created.value[0]?.id ?? 0) : 0;
    expect(state.cancelCode(id)).toEqual({ ok: true, value: undefined });
    expect(state.cancelCode(id)).toMatchObject({ ok: false, error: { vendorCode: 80002 } });
    expect(state.listCodes(101).ok && state.listCodes(101)).toMatchObject({
      value: expect.not.arrayContaining([expect.objectContaining({ id })]) as unknown,
    });
    expect(state.createCodes({ productId: 101, count: 1, codeLength: 5, expiresAt: null })).toMatchObject({
      ok: false,
    });
  });

  it('records uploads and stock reports, applying stock by motor code or product id', () => {
    const state = new SimCloudState(demoSeed());
    state.recordOrderUpload([{ trade_id: 'x' }]);
    expect(state.uploadedOrders()).toEqual([[{ trade_id: 'x' }]]);
    const matched = state.recordStockUpdate([
      { addr: 2, motorCode: '109', currentInventory: 1, inventory: 6 },
      { addr: 1, productId: 102, currentInventory: 2, inventory: 9 },
      { addr: 3, motorCode: '200', currentInventory: 1, inventory: 1 },
    ]);
    expect(matched).toBe(2);
    expect([state.product(203)?.stock, state.product(102)?.capacity]).toEqual([1, 9]);
    expect(state.stockUpdates()).toHaveLength(1);
  });
});
