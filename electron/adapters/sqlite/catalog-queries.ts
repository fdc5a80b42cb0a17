import type { CatalogStore } from '../../core/ports/catalog-store';
import type { Db } from './database';
import { productRows } from './product-rows';
import type { CachedCode } from '../../core/ports/store';
import type { Product } from '../../core/ports/vendor-cloud';

type RawCode = {
  code_hash: string;
  code_id: number;
  product_id: number;
  quantity: number;
  expires_at: number | null;
};

/** The code cache (salted hashes only, never a code in clear) and the product → slot map. */
export const catalogQueries = (db: Db): CatalogStore => {
  const insertCode = db.prepare<[string, number, number, number, number | null]>(
    'INSERT OR REPLACE INTO code_cache (code_hash, code_id, product_id, quantity, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const findCode = db.prepare<[string], RawCode>('SELECT * FROM code_cache WHERE code_hash = ?');
  const dropCode = db.prepare<[string]>('DELETE FROM code_cache WHERE code_hash = ?');
  const products = productRows(db);
  const allProducts = db.prepare<[], { json: string }>('SELECT json FROM products ORDER BY product_id');
  const setMeta = db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');

  const parseProduct = (json: string): Product => JSON.parse(json) as Product;

  return {
    replaceCodeCache(codes: readonly CachedCode[], list: readonly Product[], at: number): void {
      db.transaction(() => {
        db.exec('DELETE FROM code_cache; DELETE FROM products;');
        for (const c of codes) insertCode.run(c.codeHash, c.codeId, c.productId, c.quantity, c.expiresAt);
        for (const p of list) products.put(p);
        setMeta.run('cache.refreshedAt', String(at));
      });
    },
    findCode(codeHash: string): CachedCode | null {
      const raw = findCode.get(codeHash);
      return raw
        ? {
            codeHash: raw.code_hash,
            codeId: raw.code_id,
            productId: raw.product_id,
            quantity: raw.quantity,
            expiresAt: raw.expires_at,
          }
        : null;
    },
    dropCode(codeHash: string): void {
      dropCode.run(codeHash);
    },
    getProduct: (productId: number): Product | null => products.get(productId),
    listProducts(): Product[] {
      return allProducts.all().map((r) => parseProduct(r.json));
    },
  };
};
