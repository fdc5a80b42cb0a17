import type { Db } from './database';
import type { Product } from '../../core/ports/vendor-cloud';

/** The products table, one JSON row per product: shared by the catalog (refresh) and the stock ledger (counts). */
export const productRows = (db: Db) => {
  const get = db.prepare<[number], { json: string }>('SELECT json FROM products WHERE product_id = ?');
  const put = db.prepare<[number, string]>(
    'INSERT OR REPLACE INTO products (product_id, json) VALUES (?, ?)',
  );
  const drop = db.prepare<[number]>('DELETE FROM products WHERE product_id = ?');
  return {
    get(productId: number): Product | null {
      const raw = get.get(productId);
      return raw ? (JSON.parse(raw.json) as Product) : null;
    },
    /** Rows written: 1. */
    put(product: Product): number {
      return put.run(product.productId, JSON.stringify(product)).changes;
    },
    /** Rows removed: 0 when the product was not stored. */
    drop(productId: number): number {
      return drop.run(productId).changes;
    },
  };
};
