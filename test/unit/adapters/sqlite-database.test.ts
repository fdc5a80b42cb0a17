import { describe, expect, it } from 'vitest';
import { openDb } from '../../../electron/adapters/sqlite/database';

const table = () => {
  const db = openDb(':memory:');
  db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
  const insert = db.prepare<[number]>('INSERT INTO t (v) VALUES (?)');
  const values = () =>
    db
      .prepare<[], { v: number }>('SELECT v FROM t ORDER BY v')
      .all()
      .map((r) => r.v);
  return { db, insert, values };
};

describe('node:sqlite database wrapper', () => {
  it('commits a transaction and answers its value', () => {
    const { db, insert, values } = table();
    expect(db.transaction(() => insert.run(1).changes)).toBe(1);
    expect(values()).toEqual([1]);
    db.close();
  });

  it('rolls an inner failure back to its savepoint and keeps the outer work', () => {
    const { db, insert, values } = table();
    db.transaction(() => {
      insert.run(1);
      expect(() =>
        db.transaction(() => {
          insert.run(2);
          throw new Error('inner');
        }),
      ).toThrow('inner');
      insert.run(3);
    });
    expect(values()).toEqual([1, 3]);
    db.close();
  });

  it('rolls the whole transaction back when the outer one throws after a nested commit', () => {
    const { db, insert, values } = table();
    expect(() =>
      db.transaction(() => {
        db.transaction(() => insert.run(1));
        throw new Error('outer');
      }),
    ).toThrow('outer');
    expect(values()).toEqual([]);
    // The connection is usable again: no transaction was left open.
    db.transaction(() => insert.run(4));
    expect(values()).toEqual([4]);
    db.close();
  });

  it('refuses an async callback instead of committing before its awaits run', () => {
    const { db, insert, values } = table();
    expect(() =>
      db.transaction(() => {
        insert.run(1);
        return Promise.resolve();
      }),
    ).toThrow(/must not be async/);
    expect(values()).toEqual([]);
    db.close();
  });

  it('reads rows as plain values and pragmas by name', () => {
    const { db, insert } = table();
    insert.run(7);
    expect(db.prepare<[number], { v: number }>('SELECT v FROM t WHERE v = ?').get(7)).toEqual({ v: 7 });
    expect(db.prepare<[number], { v: number }>('SELECT v FROM t WHERE v = ?').get(8)).toBeUndefined();
    expect(db.pragma('user_version')).toBe(0);
    db.close();
    db.close();
  });
});
