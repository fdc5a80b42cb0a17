import { afterEach, describe, expect, it } from 'vitest';
import { cachedCode, filledRig, refreshed, type CacheRig } from './cache-rig';
import { product } from './table-cloud';

let rig: CacheRig;
afterEach(() => {
  rig.close();
});

const cached = (id: number) => cachedCode(rig, id);
/** 3 products with codes 1–2, 3–4 and 5–6, filled a minute ago. */
const filled = async (): Promise<void> => {
  rig = await filledRig();
};

describe('code cache: refreshing some products', () => {
  it('lists only their codes, from the stored product list, and leaves the other products’ codes alone', async () => {
    await filled();
    rig.cloud.editCode(1, { quantity: 4 });
    rig.cloud.addCode(1, 50);
    rig.cloud.editCode(3, { quantity: 9 });
    rig.cloud.codes.set(3, []);
    await expect(refreshed(rig.cache.refreshProducts([1, 3]))).resolves.toEqual({
      products: 2,
      codes: 3,
      // Code 1 changed, code 50 new, codes 5 and 6 gone.
      written: 4,
    });
    expect(rig.cloud.listed).toEqual([1, 3]);
    expect(rig.cloud.productLists).toBe(1);
    expect(cached(1)?.quantity).toBe(4);
    expect(cached(50)).toMatchObject({ productId: 1 });
    expect(rig.store.listCachedCodesOf(3)).toEqual([]);
    // Product 2 was not refreshed: the cloud's change to its code 3 waits for its turn.
    expect(cached(3)?.quantity).toBe(1);
  });

  it('with nothing changed, writes no row and commits nothing', async () => {
    await filled();
    await expect(refreshed(rig.cache.refreshProducts([2]))).resolves.toEqual({
      products: 1,
      codes: 2,
      written: 0,
    });
    expect(rig.writes.take()).toMatchObject({ cache: 0, committed: false });
    expect(rig.logger.lines.at(-1)).toMatchObject({ level: 'debug', event: 'cache.products-refreshed' });
  });

  it('skips a product the store does not know, and never rewrites a product row or the refresh time', async () => {
    await filled();
    rig.cloud.products.set(1, product(1, 0));
    rig.cloud.editCode(2, { quantity: 2 });
    await expect(refreshed(rig.cache.refreshProducts([1, 99, 1]))).resolves.toMatchObject({
      products: 1,
      written: 1,
    });
    expect(rig.cloud.listed).toEqual([1]);
    expect(rig.writes.take().rows).toEqual({ code_cache: 1, products: 0, meta: 0 });
    expect(rig.store.getProduct(1)?.stock).toBe(5);
    expect(rig.cache.age()).toBe(60_000);
  });

  it('writes nothing when one of the products’ code lists fails', async () => {
    await filled();
    rig.cloud.editCode(1, { quantity: 4 });
    rig.cloud.failing.add(2);
    await expect(rig.cache.refreshProducts([1, 2])).resolves.toMatchObject({
      ok: false,
      error: { code: 'timeout' },
    });
    expect(rig.writes.take()).toMatchObject({ cache: 0, committed: false });
    expect(cached(1)?.quantity).toBe(1);
  });

  it('waits for a full refresh already running, so its answer cannot overwrite a newer one', async () => {
    await filled();
    const full = rig.cache.refresh();
    const some = rig.cache.refreshProducts([1]);
    await Promise.all([full, some]);
    expect(rig.cloud.listed).toEqual([1, 2, 3, 1]);
  });
});

describe('code cache: pushed codes', () => {
  it('puts a pushed code and drops one by its record id', async () => {
    await filled();
    const code = { codeHash: rig.hash('31415926'), codeId: 77, productId: 2, quantity: 2, expiresAt: null };
    rig.cache.put(code);
    expect(rig.cache.lookup('31415926')).toEqual(code);
    expect(rig.cache.dropById(77)).toBe(true);
    expect(rig.cache.lookup('31415926')).toBeNull();
    expect(rig.cache.dropById(77)).toBe(false);
    expect(rig.cache.dropById(1)).toBe(true);
    expect(cached(1)).toBeNull();
  });
});
