import { describe, expect, it } from 'vitest';
import { envelope, sentFields } from '../../../fakes/scripted-http';
import { harness, page, productItem } from './harness';

describe('listProducts', () => {
  it('asks every cabinet from machine detail, every page, 100 per page', async () => {
    const h = harness();
    h.http.script(
      envelope({ name: 'M', model: { cabinet_names: ['A', 'B'] } }),
      envelope(page([productItem(1), productItem(2)], 1, 2)),
      envelope(page([productItem(3)], 2, 2)),
      envelope(
        page([productItem(4, { channel: { name: 'B01', cabinet_name: 'B', code: '100', addr: 2 } })], 1, 1),
      ),
    );
    const result = await h.cloud.listProducts();
    expect(result.ok && result.value.map((p) => p.productId)).toEqual([1, 2, 3, 4]);
    const asked = h.http.requests.slice(1).map(sentFields);
    expect(asked.map((f) => [f.cabinet_name, f.page, f.per_page])).toEqual([
      ['A', '1', '100'],
      ['A', '2', '100'],
      ['B', '1', '100'],
    ]);
    expect(asked.every((f) => f.addr === undefined)).toBe(true);
    expect(result.ok && result.value[3]).toMatchObject({ cabinet: 'B', addr: 2, slot: 0, slotName: 'B01' });
  });

  it('falls back to cabinet A when machine detail lists no cabinets', async () => {
    const h = harness();
    h.http.script(envelope({ name: 'M' }), envelope([]));
    expect(await h.cloud.listProducts()).toEqual({ ok: true, value: [] });
    expect(sentFields(h.http.requests[1]).cabinet_name).toBe('A');
  });

  it('accepts [] for an empty cabinet and a bare array for a single page', async () => {
    const h = harness();
    h.http.script(
      envelope({ name: 'M', model: { cabinet_names: ['A', 'C'] } }),
      envelope([]),
      envelope([productItem(9)]),
    );
    const result = await h.cloud.listProducts();
    expect(result.ok && result.value.map((p) => [p.productId, p.cabinet])).toEqual([[9, 'A']]);
  });

  it('lists by board address when so configured, never sending cabinet_name', async () => {
    const h = harness({ productScope: { by: 'addr', addrs: [1, 2] } });
    h.http.script(
      envelope(page([productItem(1)], 1, 1)),
      envelope(page([productItem(1), productItem(2)], 1, 1)),
    );
    const result = await h.cloud.listProducts();
    expect(result.ok && result.value.map((p) => p.productId)).toEqual([1, 2]);
    const asked = h.http.requests.map(sentFields);
    expect(asked.map((f) => [f.addr, f.cabinet_name])).toEqual([
      ['1', undefined],
      ['2', undefined],
    ]);
  });

  it('skips and counts items it cannot read instead of failing the whole list', async () => {
    const h = harness();
    h.http.script(
      envelope({ name: 'M' }),
      envelope(page([productItem(1), { id: 'x' }, productItem(2, { channel: null })], 1, 1)),
    );
    const result = await h.cloud.listProducts();
    expect(result.ok && result.value.map((p) => p.productId)).toEqual([1]);
    expect(h.logger.lines.find((l) => l.event === 'cloud.products.skipped')?.fields).toMatchObject({
      skipped: 2,
    });
  });

  it('fails on a page of the wrong shape, and on a runaway last_page', async () => {
    const h = harness();
    h.http.script(envelope({ name: 'M' }), envelope({}, 0, '订单未支付'));
    expect(await h.cloud.listProducts()).toMatchObject({
      ok: false,
      error: { code: 'malformed', vendorMessage: '订单未支付' },
    });

    const h2 = harness();
    h2.http.script(envelope({ name: 'M' }));
    h2.http.fallback = () => envelope(page([productItem(1)], 1, 100_000));
    expect(await h2.cloud.listProducts()).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(h2.http.requests).toHaveLength(101);
  });

  it('passes a machine-detail failure through', async () => {
    const h = harness();
    h.http.script(envelope({}, 30003, '设备不存在'));
    expect(await h.cloud.listProducts()).toMatchObject({ ok: false, error: { code: 'machine-unavailable' } });
  });
});
