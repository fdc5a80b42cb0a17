import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../electron/adapters/sqlite/database';
import { migrate } from '../../../electron/adapters/sqlite/migrations';
import { openStore } from '../../../electron/adapters/sqlite/open-store';
import type { KioskStore } from '../../../electron/core/ports/store';
import type { Product } from '../../../electron/core/ports/vendor-cloud';

const dirs: string[] = [];
const tempDb = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-ledger-'));
  dirs.push(dir);
  return join(dir, 'kiosk.db');
};
afterEach(() => {
  dirs.splice(0).forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  });
});

const cola: Product = {
  productId: 103,
  name: 'Cola',
  price: '3.00',
  slotName: 'A3',
  cabinet: 'A',
  addr: 1,
  slot: 2,
  stock: 9,
  capacity: 10,
};
const withCola = (store: KioskStore): KioskStore => {
  store.applyCacheChanges({
    putCodes: [],
    dropCodes: [],
    putProducts: [cola],
    dropProducts: [],
    refreshedAt: 1,
  });
  return store;
};

describe('SQLite stock ledger', () => {
  it('keeps each reported change until it is settled, and the local figure in step', () => {
    const store = withCola(openStore(':memory:'));
    store.changeStock(103, { delta: -3 }, 2, { redemptionId: 'r1' });
    store.changeStock(103, { delta: -1 }, 3, { redemptionId: 'r2' });
    expect(store.getProduct(103)?.stock).toBe(5);
    const [pending] = store.pendingStock();
    expect(pending).toMatchObject({
      productId: 103,
      inDoubt: false,
      changes: [{ delta: -3 }, { delta: -1 }],
    });
    // A report that carried only the first change settles only that one.
    const first = pending?.throughId ?? 0;
    store.settleStock([{ productId: 103, throughId: first - 1 }]);
    expect(store.pendingStock()[0]?.changes).toEqual([{ delta: -1 }]);
    store.settleStock([{ productId: 103, throughId: first }]);
    expect(store.pendingStock()).toEqual([]);
    store.close();
  });

  it('marks what a report carried as in doubt, but not what came after it', () => {
    const store = withCola(openStore(':memory:'));
    store.changeStock(103, { delta: -1 }, 2, { redemptionId: 'r1' });
    const through = store.pendingStock()[0]?.throughId ?? 0;
    store.markStockInDoubt([{ productId: 103, throughId: through }]);
    store.changeStock(103, { delta: -1 }, 3, { redemptionId: 'r2' });
    expect(store.pendingStock()[0]?.inDoubt).toBe(true);
    store.settleStock([{ productId: 103, throughId: through }]);
    expect(store.pendingStock()).toEqual([
      expect.objectContaining({ inDoubt: false, changes: [{ delta: -1 }] }),
    ]);
    store.close();
  });

  it('records a restock as a count, changes only the local figure when not reporting, ignores unknown products', () => {
    const store = withCola(openStore(':memory:'));
    store.changeStock(103, { setTo: 10 }, 2, { redemptionId: null });
    store.changeStock(103, { delta: -2 }, 3, null);
    store.changeStock(999, { delta: -1 }, 4, { redemptionId: 'r9' });
    expect(store.getProduct(103)?.stock).toBe(8);
    expect(store.pendingStock()).toEqual([
      expect.objectContaining({ productId: 103, changes: [{ setTo: 10 }] }),
    ]);
    store.close();
  });

  it('never counts below zero', () => {
    const store = withCola(openStore(':memory:'));
    store.changeStock(103, { delta: -20 }, 2, { redemptionId: 'r1' });
    expect(store.getProduct(103)?.stock).toBe(0);
    store.close();
  });

  it('turns stock reports queued by the previous schema into in-doubt marks, keeping the local figure', () => {
    const path = tempDb();
    // A database at v3 with two queued figures for one product, as a kiosk in the field has them.
    const db = openDb(path);
    migrate(db, 3);
    db.prepare<[number, string]>('INSERT INTO products (product_id, json) VALUES (?, ?)').run(
      103,
      JSON.stringify(cola),
    );
    const queue = db.prepare<[string, number, number]>(
      "INSERT INTO outbox (kind, redemption_id, payload, next_attempt_at, created_at) VALUES ('stock', NULL, ?, ?, ?)",
    );
    queue.run(JSON.stringify({ productId: 103, currentInventory: 8 }), 10, 10);
    queue.run(JSON.stringify({ productId: 103, currentInventory: 7 }), 20, 20);
    db.prepare(
      "INSERT INTO outbox (kind, redemption_id, payload, next_attempt_at, created_at) VALUES ('order', 'r1', '{}', 5, 5)",
    ).run();
    db.close();
    const store = openStore(path);
    expect(store.outboxLength()).toBe(1);
    expect(store.pendingStock()).toEqual([
      expect.objectContaining({ productId: 103, inDoubt: true, changes: [{ delta: 0 }] }),
    ]);
    expect(store.getProduct(103)?.stock).toBe(9);
    store.close();
  });
});
