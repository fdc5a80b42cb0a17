import { describe, expect, it } from 'vitest';
import { SimCloudState } from '../../../../electron/sim/cloud/state';
import { demoSeed } from '../../../../electron/sim/cloud/demo-seed';
import {
  codeToWire,
  machineToWire,
  orderToWire,
  pagedToWire,
  productToWire,
} from '../../../../electron/sim/cloud/wire';

describe('the simulator speaks with the vendor quirks', () => {
  const state = new SimCloudState(demoSeed(), { now: () => Date.UTC(2026, 0, 1) });

  it('omits zero and false fields, and mixes numbers and strings', () => {
    const empty = { ...state.products({ addr: 1 })[0]!, stock: 0 };
    const wire = JSON.parse(JSON.stringify(productToWire(empty))) as Record<string, Record<string, unknown>>;
    expect(wire).not.toHaveProperty('current_inventory');
    expect(wire.inventory).toBe(10);
    expect(wire.channel).toEqual({ name: 'A01', cabinet_name: 'A', code: '000', addr: 1 });
    const b10 = JSON.parse(JSON.stringify(productToWire(state.product(204)!))) as Record<
      string,
      Record<string, unknown>
    >;
    expect(b10.channel).toMatchObject({ code: '110', x: '1', addr: 2 });
    expect(b10).toMatchObject({ current_inventory: '10' });
  });

  it('omits is_online when offline and expired_at when a code never expires', () => {
    state.setOnline(false);
    expect(JSON.parse(JSON.stringify(machineToWire(state.machine)))).not.toHaveProperty('is_online');
    state.setOnline(true);
    expect(machineToWire(state.machine).is_online).toBe(true);
    const [never] = state.codes();
    expect(JSON.parse(JSON.stringify(codeToWire(never!)))).not.toHaveProperty('expired_at');
    expect(codeToWire(state.codes().find((c) => c.id === 5004)!).expired_at).toBe('2099-12-31 23:59:59');
  });

  it('answers [] for an empty list and a paged object otherwise', () => {
    expect(pagedToWire([], 1, 100, 0)).toEqual([]);
    expect(pagedToWire([1, 2], 2, 2, 5)).toEqual({
      data: [1, 2],
      total: 5,
      current_page: 2,
      last_page: 3,
      per_page: '2',
    });
  });

  it('sends an order with its code id as text', () => {
    const order = state.consume({
      productId: 101,
      code: '24681357',
      tradeId: '20260101000000000000001',
      notifyUrl: 'n',
    });
    expect(order.ok && orderToWire(order.value)).toMatchObject({
      trade_id: '20260101000000000000001',
      pickup_code_id: '5001',
      status: 'PICKUPCODE',
    });
  });
});
