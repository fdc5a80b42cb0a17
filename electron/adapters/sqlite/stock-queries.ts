import type { StockStore } from '../../core/ports/stock-store';
import type { Db } from './database';
import { productRows } from './product-rows';
import type { PendingStock, StockChange, StockMark } from '../../core/ports/store';
import { applyStockChange } from '../../core/stock/reconcile';

type RawEntry = { product_id: number; id: number; delta: number; set_to: number | null; in_doubt: number };

/** A slot's local count and the ledger of changes the cloud has not accepted yet. */
export const stockQueries = (db: Db): StockStore => {
  const products = productRows(db);
  const append = db.prepare<[number, number, number | null, string | null, number]>(
    'INSERT INTO stock_ledger (product_id, delta, set_to, redemption_id, at) VALUES (?, ?, ?, ?, ?)',
  );
  const pending = db.prepare<[], RawEntry>(
    'SELECT product_id, id, delta, set_to, in_doubt FROM stock_ledger ORDER BY product_id, id',
  );
  const markDoubt = db.prepare<[number, number]>(
    'UPDATE stock_ledger SET in_doubt = 1 WHERE product_id = ? AND id <= ? AND in_doubt = 0',
  );
  const clearDoubt = db.prepare<[number, number]>(
    'UPDATE stock_ledger SET in_doubt = 0 WHERE product_id = ? AND id <= ? AND in_doubt = 1',
  );
  const settle = db.prepare<[number, number]>('DELETE FROM stock_ledger WHERE product_id = ? AND id <= ?');

  return {
    changeStock(
      productId: number,
      change: StockChange,
      at: number,
      ledger: { readonly redemptionId: string | null } | null,
    ): void {
      const product = products.get(productId);
      // A product the cloud no longer lists has no slot to report against: nothing to keep.
      if (!product) return;
      db.transaction(() => {
        products.put({ ...product, stock: applyStockChange(product.stock, change) });
        if (ledger)
          append.run(
            productId,
            'delta' in change ? change.delta : 0,
            'setTo' in change ? change.setTo : null,
            ledger.redemptionId,
            at,
          );
      });
    },
    pendingStock(): PendingStock[] {
      const byProduct = new Map<number, { throughId: number; inDoubt: boolean; changes: StockChange[] }>();
      for (const e of pending.all()) {
        const p = byProduct.get(e.product_id) ?? { throughId: 0, inDoubt: false, changes: [] };
        p.throughId = e.id;
        p.inDoubt ||= e.in_doubt === 1;
        p.changes.push(e.set_to === null ? { delta: e.delta } : { setTo: e.set_to });
        byProduct.set(e.product_id, p);
      }
      return [...byProduct].map(([productId, p]) => ({ productId, ...p }));
    },
    markStockInDoubt(marks: readonly StockMark[]): void {
      db.transaction(() => {
        for (const m of marks) markDoubt.run(m.productId, m.throughId);
      });
    },
    clearStockDoubt(marks: readonly StockMark[]): void {
      db.transaction(() => {
        for (const m of marks) clearDoubt.run(m.productId, m.throughId);
      });
    },
    settleStock(marks: readonly StockMark[]): void {
      db.transaction(() => {
        for (const m of marks) settle.run(m.productId, m.throughId);
      });
    },
  };
};
