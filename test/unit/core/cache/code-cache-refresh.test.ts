import { afterEach, describe, expect, it } from 'vitest';
import { cacheRig, cachedCode, filledRig, refreshed, type CacheRig } from './cache-rig';
import { product, TableCloud } from './table-cloud';

let rig: CacheRig;
afterEach(() => {
  rig.close();
});

const cached = (id: number) => cachedCode(rig, id);
/** 3 products with codes 1–2, 3–4 and 5–6, filled a minute ago. */
const filled = async (): Promise<void> => {
  rig = await filledRig();
};

describe('code cache refresh: only what changed is written', () => {
  it('fills an empty cache with every row, the refresh time in the same commit', async () => {
    rig = cacheRig();
    await expect(refreshed(rig.cache.refresh())).resolves.toEqual({ products: 3, codes: 6, written: 9 });
    expect(rig.writes.take()).toEqual({
      rows: { code_cache: 6, products: 3, meta: 1 },
      cache: 9,
      committed: true,
    });
  });

  it('a second refresh with nothing changed in the cloud writes no row and commits nothing', async () => {
    await filled();
    await expect(refreshed(rig.cache.refresh())).resolves.toEqual({ products: 3, codes: 6, written: 0 });
    expect(rig.writes.take()).toEqual({
      rows: { code_cache: 0, products: 0, meta: 0 },
      cache: 0,
      committed: false,
    });
    expect(rig.cache.age()).toBe(0);
    expect(rig.logger.lines.at(-1)).toMatchObject({ event: 'cache.refreshed', fields: { written: 0 } });
  });

  it('a changed quantity writes one row, a changed expiry one more', async () => {
    await filled();
    rig.cloud.editCode(1, { quantity: 3 });
    await expect(refreshed(rig.cache.refresh())).resolves.toMatchObject({ written: 1 });
    // The refresh time goes into the same commit as the row.
    expect(rig.writes.take()).toMatchObject({
      rows: { code_cache: 1, products: 0, meta: 1 },
      committed: true,
    });
    expect(cached(1)?.quantity).toBe(3);
    rig.cloud.editCode(4, { expiresAt: 1_900_000_000_000 });
    await expect(refreshed(rig.cache.refresh())).resolves.toMatchObject({ written: 1 });
    expect(cached(4)?.expiresAt).toBe(1_900_000_000_000);
  });

  it('a code the cloud no longer lists as unused deletes one row', async () => {
    await filled();
    // A cancelled code comes back with a status the cache does not keep; a used one, not at all.
    rig.cloud.editCode(2, { status: 'UNKNOWN' });
    await expect(refreshed(rig.cache.refresh())).resolves.toMatchObject({ codes: 5, written: 1 });
    expect(rig.writes.take().rows.code_cache).toBe(1);
    expect(cached(2)).toBeNull();
    rig.cloud.codes.set(3, []);
    await expect(refreshed(rig.cache.refresh())).resolves.toMatchObject({ codes: 3, written: 2 });
    expect(rig.store.listCachedCodesOf(3)).toEqual([]);
  });

  it('a new product writes its row and its codes; a product gone takes its codes with it', async () => {
    await filled();
    rig.cloud.products.set(4, product(4));
    rig.cloud.addCode(4, 100);
    rig.cloud.addCode(4, 101, 2);
    await expect(refreshed(rig.cache.refresh())).resolves.toMatchObject({ products: 4, written: 3 });
    expect(rig.writes.take().rows).toEqual({ code_cache: 2, products: 1, meta: 1 });
    expect(cached(101)).toMatchObject({ productId: 4, quantity: 2 });
    rig.cloud.products.delete(2);
    await expect(refreshed(rig.cache.refresh())).resolves.toMatchObject({ products: 3, written: 3 });
    expect(rig.store.getProduct(2)).toBeNull();
    expect(rig.store.listCachedCodesOf(2)).toEqual([]);
  });

  it('a product whose row changed is rewritten, and no other', async () => {
    await filled();
    rig.cloud.products.set(2, { ...product(2), price: '2.50' });
    await expect(refreshed(rig.cache.refresh())).resolves.toMatchObject({ written: 1 });
    expect(rig.writes.take().rows).toEqual({ code_cache: 0, products: 1, meta: 1 });
    expect(rig.store.getProduct(2)?.price).toBe('2.50');
  });

  it('writes nothing when one product’s code list fails, and keeps the cache as it was', async () => {
    await filled();
    rig.cloud.editCode(1, { quantity: 7 });
    rig.cloud.products.set(4, product(4));
    rig.cloud.failing.add(2);
    const r = await rig.cache.refresh();
    expect(r).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(rig.writes.take()).toMatchObject({ cache: 0, committed: false });
    expect(cached(1)?.quantity).toBe(1);
    expect(rig.store.getProduct(4)).toBeNull();
    expect(rig.cache.age()).toBe(60_000);
  });

  it('shares one refresh between callers', async () => {
    await filled();
    const [a, b] = await Promise.all([rig.cache.refresh(), rig.cache.refresh()]);
    expect(a).toBe(b);
    expect(rig.cloud.productLists).toBe(2);
  });

  it('of 500 products with nothing changed, writes no row at all', async () => {
    rig = cacheRig(TableCloud.filled(500, 2));
    await expect(refreshed(rig.cache.refresh())).resolves.toEqual({
      products: 500,
      codes: 1000,
      written: 1500,
    });
    rig.writes.take();
    await rig.clock.advance(60_000);
    await expect(refreshed(rig.cache.refresh())).resolves.toMatchObject({ written: 0 });
    expect(rig.writes.take()).toMatchObject({ cache: 0, committed: false });
  });
});

describe('code cache refresh: stock figures', () => {
  it('keeps a sale the cloud has not seen, without rewriting the product for it', async () => {
    await filled();
    rig.store.changeStock(1, { delta: -1 }, rig.clock.now(), { redemptionId: 'r1' });
    rig.writes.take();
    // The cloud still says 5; 5 with the sale on top is the 4 already stored.
    await expect(refreshed(rig.cache.refresh())).resolves.toMatchObject({ written: 0 });
    expect(rig.store.getProduct(1)?.stock).toBe(4);
    // A dashboard change is taken with the sale applied on top: one row.
    rig.cloud.products.set(1, product(1, 9));
    await expect(refreshed(rig.cache.refresh())).resolves.toMatchObject({ written: 1 });
    expect(rig.store.getProduct(1)?.stock).toBe(8);
  });

  it('keeps its own figure while a report may have landed, whatever the cloud now says', async () => {
    await filled();
    rig.store.changeStock(1, { delta: -2 }, rig.clock.now(), { redemptionId: 'r1' });
    const [pending] = rig.store.pendingStock();
    if (pending) rig.store.markStockInDoubt([pending]);
    rig.cloud.products.set(1, product(1, 9));
    await expect(refreshed(rig.cache.refresh())).resolves.toMatchObject({ written: 0 });
    expect(rig.store.getProduct(1)?.stock).toBe(3);
  });
});
