import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogQueries } from '../../../electron/adapters/sqlite/catalog-queries';
import type { Db } from '../../../electron/adapters/sqlite/database';
import { openKioskDb, openStore } from '../../../electron/adapters/sqlite/open-store';
import type { CacheChanges, CachedCode } from '../../../electron/core/ports/catalog-store';
import type { KioskStore } from '../../../electron/core/ports/store';
import type { Product } from '../../../electron/core/ports/vendor-cloud';
import { countWrites } from '../../helpers/sqlite-write-counter';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => {
    c();
  });
});

/** A store on disk with a write counter beside it: counting needs a second connection to the same file. */
const openCounted = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-catalog-'));
  const path = join(dir, 'kiosk.db');
  const store = openStore(path);
  const writes = countWrites(path);
  cleanups.push(() => {
    writes.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { store, writes };
};

const code = (codeId: number, productId = 101, quantity = 1): CachedCode => ({
  codeHash: `h${codeId}`,
  codeId,
  productId,
  quantity,
  expiresAt: null,
});
const product = (productId: number): Product => ({
  productId,
  name: `P${productId}`,
  price: '1.00',
  slotName: `A${productId}`,
  cabinet: 'A',
  addr: 1,
  slot: productId % 100,
  stock: 5,
  capacity: 5,
});
const changes = (c: Partial<CacheChanges>): CacheChanges => ({
  putCodes: [],
  dropCodes: [],
  putProducts: [],
  dropProducts: [],
  refreshedAt: null,
  ...c,
});
const seeded = (store: KioskStore): void => {
  store.applyCacheChanges(
    changes({ putCodes: [code(1), code(2), code(3, 102)], putProducts: [product(101)] }),
  );
};

describe('SQLite catalog: cache changes', () => {
  it('writes nothing, not even an empty commit, when there is nothing to write', () => {
    const { store, writes } = openCounted();
    seeded(store);
    writes.take();
    expect(store.applyCacheChanges(changes({}))).toBe(0);
    expect(writes.take()).toMatchObject({ cache: 0, committed: false });
  });

  it('opens no transaction for nothing, one for any number of rows', () => {
    const db = openKioskDb(':memory:');
    cleanups.push(() => {
      db.close();
    });
    let transactions = 0;
    const counted: Db = {
      ...db,
      transaction: (fn) => {
        transactions++;
        return db.transaction(fn);
      },
    };
    const catalog = catalogQueries(counted);
    catalog.applyCacheChanges(changes({}));
    expect(transactions).toBe(0);
    catalog.applyCacheChanges(changes({ putCodes: [code(1), code(2)], putProducts: [product(101)] }));
    expect(transactions).toBe(1);
  });

  it('writes exactly the rows named, in one commit, and counts them', () => {
    const { store, writes } = openCounted();
    seeded(store);
    writes.take();
    const written = store.applyCacheChanges(
      changes({
        putCodes: [code(2, 101, 4)],
        dropCodes: ['h1', 'not-stored'],
        putProducts: [product(102)],
        dropProducts: [101],
        refreshedAt: 7,
      }),
    );
    // The hash that was not stored deletes nothing and is not counted.
    expect(written).toBe(4);
    expect(writes.take()).toEqual({
      rows: { code_cache: 2, products: 2, meta: 1 },
      cache: 4,
      committed: true,
    });
    expect(store.findCode('h1')).toBeNull();
    expect(store.findCode('h2')?.quantity).toBe(4);
    expect(store.listProducts().map((p) => p.productId)).toEqual([102]);
    expect(store.getMeta('cache.refreshedAt')).toBe('7');
  });

  it('stores the refresh time alone when only it is given', () => {
    const { store, writes } = openCounted();
    expect(store.applyCacheChanges(changes({ refreshedAt: 9 }))).toBe(0);
    expect(writes.take()).toMatchObject({ rows: { code_cache: 0, products: 0, meta: 1 }, committed: true });
    expect(store.getMeta('cache.refreshedAt')).toBe('9');
  });

  it('lists the cached codes, all of them or one product’s', () => {
    const { store } = openCounted();
    seeded(store);
    expect(store.listCachedCodes().map((c) => c.codeId)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(store.listCachedCodesOf(102)).toEqual([code(3, 102)]);
    expect(store.listCachedCodesOf(999)).toEqual([]);
  });
});

describe('SQLite catalog: pushed codes', () => {
  it('puts one code, replacing the code with the same hash', () => {
    const { store, writes } = openCounted();
    seeded(store);
    writes.take();
    store.putCode(code(9, 101, 2));
    store.putCode({ ...code(1), quantity: 3, expiresAt: 1234 });
    expect(writes.take().rows.code_cache).toBe(2);
    expect(store.findCode('h9')).toEqual(code(9, 101, 2));
    expect(store.findCode('h1')).toEqual({ ...code(1), quantity: 3, expiresAt: 1234 });
    expect(store.listCachedCodes()).toHaveLength(4);
  });

  it('drops a code by its record id, and says whether there was one', () => {
    const { store, writes } = openCounted();
    seeded(store);
    writes.take();
    expect(store.dropCodeById(2)).toBe(true);
    expect(store.findCode('h2')).toBeNull();
    expect(store.dropCodeById(2)).toBe(false);
    expect(store.dropCodeById(404)).toBe(false);
    expect(writes.take().rows.code_cache).toBe(1);
    expect(store.listCachedCodes().map((c) => c.codeId)).toEqual(expect.arrayContaining([1, 3]));
  });
});
