import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../electron/adapters/sqlite/database';
import { migrate } from '../../../electron/adapters/sqlite/migrations';
import { openStore } from '../../../electron/adapters/sqlite/open-store';

const dirs: string[] = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  });
});

const insertAt = (path: string, rows: readonly { id: string; state: string; note: string | null }[]) => {
  const db = openDb(path);
  migrate(db, 8);
  const insert = db.prepare<[string, string, string, string, string | null]>(
    `INSERT INTO redemptions (id, code_hash, code_mask, trade_id, pickup_code_id, product_id, product_name, price,
       slot_name, addr, slot, quantity, state, note, created_at, updated_at)
     VALUES (?, ?, '******44', ?, 1, 103, 'Cola', '3.00', 'A03', 1, 2, 1, ?, ?, 1, 1)`,
  );
  for (const r of rows) insert.run(r.id, `hash-${r.id}`, `trade-${r.id}`, r.state, r.note);
  db.close();
};

describe('why a redemption was refused, as a column', () => {
  it('is read out of the notes of redemptions refused before the column existed, and only out of those', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-refusal-'));
    dirs.push(dir);
    const path = join(dir, 'kiosk.db');
    insertAt(path, [
      { id: 'used', state: 'rejected', note: 'cloud refused: code-used 10025 取货码已使用' },
      { id: 'stock', state: 'rejected', note: 'cloud refused: stock 60003' },
      { id: 'bare', state: 'rejected', note: 'cloud refused: feature-off' },
      { id: 'other', state: 'abandoned', note: 'cloud unreachable: timeout' },
      { id: 'none', state: 'rejected', note: null },
    ]);
    const store = openStore(path);
    const refusal = (id: string) => store.getRedemption(id)?.refusal;
    expect(refusal('used')).toBe('code-used');
    expect(refusal('stock')).toBe('stock');
    expect(refusal('bare')).toBe('feature-off');
    expect(refusal('other')).toBeNull();
    expect(refusal('none')).toBeNull();
    store.close();
  });

  it('comes back with the row a move wrote', () => {
    const store = openStore(':memory:');
    const row = store.insertRedemption(
      {
        id: 'r1',
        codeHash: 'h1',
        codeMask: '******44',
        tradeId: 'r1',
        pickupCodeId: 1,
        productId: 103,
        productName: 'Cola',
        price: '3.00',
        slotName: 'A03',
        addr: 1,
        slot: 2,
        quantity: 1,
        pendingCode: '11223344',
        createdAt: 5,
      },
      5,
    );
    expect(row).toMatchObject({ state: 'matched', refusal: null, pendingCode: '11223344' });
    store.moveRedemption('r1', 'matched', 'consuming', 6);
    const moved = store.moveRedemption('r1', 'consuming', 'rejected', 7, {
      refusal: 'code-used',
      pendingCode: null,
    });
    expect(moved).toMatchObject({ state: 'rejected', refusal: 'code-used', pendingCode: null, updatedAt: 7 });
    expect(store.getRedemption('r1')).toEqual(moved);
    store.close();
  });
});
