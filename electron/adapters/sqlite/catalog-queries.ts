import type { CacheChanges, CatalogStore } from '../../core/ports/catalog-store';
import type { Db } from './database';
import { goneCodeQueries } from './gone-code-queries';
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

const toCode = (raw: RawCode): CachedCode => ({
  codeHash: raw.code_hash,
  codeId: raw.code_id,
  productId: raw.product_id,
  quantity: raw.quantity,
  expiresAt: raw.expires_at,
});

const rowCount = (c: CacheChanges): number =>
  c.putCodes.length + c.dropCodes.length + c.putProducts.length + c.dropProducts.length;

/** The code cache (salted hashes only, never a code in clear) and the product → slot map. */
export const catalogQueries = (db: Db): CatalogStore => {
  const insertCode = db.prepare<[string, number, number, number, number | null]>(
    'INSERT OR REPLACE INTO code_cache (code_hash, code_id, product_id, quantity, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const findCode = db.prepare<[string], RawCode>('SELECT * FROM code_cache WHERE code_hash = ?');
  const allCodes = db.prepare<[], RawCode>('SELECT * FROM code_cache');
  const codesOf = db.prepare<[number], RawCode>('SELECT * FROM code_cache WHERE product_id = ?');
  const dropCode = db.prepare<[string]>('DELETE FROM code_cache WHERE code_hash = ?');
  // No index on code_id: a push names one code now and then, and a scan of a few thousand rows is cheap.
  const dropCodeById = db.prepare<[number]>('DELETE FROM code_cache WHERE code_id = ?');
  const products = productRows(db);
  const allProducts = db.prepare<[], { json: string }>('SELECT json FROM products ORDER BY product_id');
  const setMeta = db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');

  const putCode = (c: CachedCode): number =>
    insertCode.run(c.codeHash, c.codeId, c.productId, c.quantity, c.expiresAt).changes;

  const gone = goneCodeQueries(db);
  const write = (c: CacheChanges, now: number): number => {
    let written = 0;
    if (c.dropCodes.length > 0) gone.prune(now);
    for (const h of c.dropCodes) {
      gone.recordHash(h, now);
      written += dropCode.run(h).changes;
    }
    for (const code of c.putCodes) written += putCode(code);
    for (const id of c.dropProducts) written += products.drop(id);
    for (const p of c.putProducts) written += products.put(p);
    if (c.refreshedAt !== null) setMeta.run('cache.refreshedAt', String(c.refreshedAt));
    return written;
  };

  return {
    applyCacheChanges(changes: CacheChanges): number {
      if (rowCount(changes) > 0)
        return db.transaction(() => write(changes, changes.at ?? changes.refreshedAt ?? 0));
      // A lone meta row is one statement, so already atomic; nothing at all is no commit at all.
      if (changes.refreshedAt !== null) setMeta.run('cache.refreshedAt', String(changes.refreshedAt));
      return 0;
    },
    listCachedCodes: (): CachedCode[] => allCodes.all().map(toCode),
    listCachedCodesOf: (productId: number): CachedCode[] => codesOf.all(productId).map(toCode),
    putCode(code: CachedCode): void {
      putCode(code);
    },
    findCode(codeHash: string): CachedCode | null {
      const raw = findCode.get(codeHash);
      return raw ? toCode(raw) : null;
    },
    dropCode(codeHash: string): void {
      dropCode.run(codeHash);
    },
    // Not remembered as gone: the platform withdrew it, so there is nothing to ask the cloud about it.
    dropCodeById: (codeId: number): boolean => dropCodeById.run(codeId).changes > 0,
    findGoneCode: (codeHash: string, now: number): CachedCode | null => gone.find(codeHash, now),
    getProduct: (productId: number): Product | null => products.get(productId),
    listProducts(): Product[] {
      return allProducts.all().map((r) => JSON.parse(r.json) as Product);
    },
  };
};
