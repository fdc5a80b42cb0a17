import { describe, expect, it } from 'vitest';
import { diffCodes, diffProducts, rowsToWrite } from '../../../../electron/core/cache/cache-diff';
import type { CachedCode } from '../../../../electron/core/ports/catalog-store';
import { product } from './table-cloud';

const code = (codeId: number, change: Partial<CachedCode> = {}): CachedCode => ({
  codeHash: `h${codeId}`,
  codeId,
  productId: 1,
  quantity: 1,
  expiresAt: null,
  ...change,
});

describe('cache diff: codes', () => {
  it('is empty when the cloud lists what is stored, in any order', () => {
    expect(diffCodes([code(1), code(2)], [code(2), code(1)])).toEqual({ putCodes: [], dropCodes: [] });
  });

  it('puts the new and the changed (quantity, expiry, record id, product), drops the unlisted', () => {
    const stored = [code(1), code(2), code(3), code(4), code(5), code(6)];
    const fresh = [
      code(1),
      code(2, { quantity: 2 }),
      code(3, { expiresAt: 99 }),
      code(4, { codeId: 40 }),
      code(5, { productId: 2 }),
      code(7),
    ];
    const diff = diffCodes(stored, fresh);
    expect(diff.putCodes.map((c) => c.codeHash)).toEqual(['h2', 'h3', 'h4', 'h5', 'h7']);
    expect(diff.dropCodes).toEqual(['h6']);
  });

  it('keeps the last of a hash listed twice, as writing every listing in turn would', () => {
    expect(diffCodes([], [code(1), code(1, { quantity: 3 })]).putCodes).toEqual([code(1, { quantity: 3 })]);
  });
});

describe('cache diff: products', () => {
  it('compares whole rows, not the key order they were built in', () => {
    const p = product(1);
    const reordered = Object.fromEntries(Object.entries(p).reverse()) as typeof p;
    expect(diffProducts([p], [reordered])).toEqual({ putProducts: [], dropProducts: [] });
  });

  it('puts new and changed rows (a field added counts), drops the unlisted', () => {
    const diff = diffProducts(
      [product(1), product(2), product(3)],
      [product(1), { ...product(2), stock: 1 }, { ...product(3), goodNo: 'G3' }, product(4)],
    );
    expect(diff.putProducts.map((p) => p.productId)).toEqual([2, 3, 4]);
    expect(diff.dropProducts).toEqual([]);
    expect(diffProducts([product(1), product(2)], [product(2)]).dropProducts).toEqual([1]);
  });

  it('counts the rows a diff writes', () => {
    expect(rowsToWrite({ ...diffCodes([code(1)], [code(2)]), ...diffProducts([], [product(1)]) })).toBe(3);
  });
});
