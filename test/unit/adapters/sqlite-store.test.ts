import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openKioskDb, openStore } from '../../../electron/adapters/sqlite/open-store';
import { schemaVersion } from '../../../electron/adapters/sqlite/migrations';
import type { NewRedemption } from '../../../electron/core/ports/store';
import { canTransition, redemptionStates, transitions } from '../../../electron/core/redemption/states';

const dirs: string[] = [];
const tempDb = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-store-'));
  dirs.push(dir);
  return join(dir, 'kiosk.db');
};
afterEach(() => {
  dirs.splice(0).forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  });
});

const row = (id: string): NewRedemption => ({
  id,
  codeHash: `hash-${id}`,
  codeMask: '******12',
  tradeId: `2026010100000000000${id}`,
  pickupCodeId: 1,
  productId: 101,
  productName: 'Cola',
  price: '3.00',
  slotName: 'A10',
  addr: 1,
  slot: 10,
  quantity: 1,
  pendingCode: '12345612',
  createdAt: 1,
});

describe('SQLite store', () => {
  it('opens in WAL mode with synchronous FULL, migrated to the current schema', () => {
    const path = tempDb();
    const live = openKioskDb(path);
    // synchronous is per connection: read it on the kiosk's own (2 = FULL).
    expect(live.pragma('synchronous')).toBe(2);
    expect(live.pragma('foreign_keys')).toBe(1);
    live.close();
    const db = new DatabaseSync(path, { readOnly: true });
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: schemaVersion });
    db.close();
  });

  it('refuses a database written by a newer version of the app', () => {
    const path = tempDb();
    const db = new DatabaseSync(path);
    db.exec('PRAGMA user_version = 999');
    db.close();
    expect(() => openStore(path)).toThrow(/newer than this app/);
  });

  it('keeps the journal across a reopen', () => {
    const path = tempDb();
    const a = openStore(path);
    a.insertRedemption(row('1'), 1);
    a.moveRedemption('1', 'matched', 'consuming', 2);
    a.close();
    const b = openStore(path);
    expect(b.getRedemption('1')).toMatchObject({ state: 'consuming', pendingCode: '12345612' });
    b.close();
  });

  it('refuses a move from a state the redemption is not in', () => {
    const store = openStore(':memory:');
    store.insertRedemption(row('1'), 1);
    expect(() => {
      store.moveRedemption('1', 'consumed', 'dispensing', 2);
    }).toThrow(/not in state consumed/);
    expect(store.getRedemption('1')?.state).toBe('matched');
    store.close();
  });

  it('refuses a transition the state machine does not have, at compile time and at run time', () => {
    const store = openStore(':memory:');
    store.insertRedemption(row('1'), 1);
    expect(() => {
      // @ts-expect-error -- matched → completed would skip the consume and the dispense: not a transition
      store.moveRedemption('1', 'matched', 'completed', 2);
    }).toThrow(/illegal redemption transition/);
    expect(store.getRedemption('1')?.state).toBe('matched');
    store.close();
  });

  it('rolls back every write of a failed transaction', () => {
    const store = openStore(':memory:');
    expect(() => {
      store.transaction(() => {
        store.insertRedemption(row('1'), 1);
        store.enqueueOutbox('order', '1', '{}', 1);
        throw new Error('crash');
      });
    }).toThrow('crash');
    expect(store.countRedemptions()).toBe(0);
    expect(store.outboxLength()).toBe(0);
    store.close();
  });

  it('marks a unit accepted by the board only while it is between intent and outcome', () => {
    const store = openStore(':memory:');
    store.insertRedemption(row('1'), 1);
    store.putUnit('1', 0, 'intent', 2);
    store.markUnitAccepted('1', 0, 3);
    store.putUnit('1', 1, 'success', 4);
    store.markUnitAccepted('1', 1, 5);
    expect(store.listUnits('1').map((u) => [u.state, u.acceptedAt])).toEqual([
      ['intent', 3],
      ['success', null],
    ]);
    store.close();
  });

  it('rejects a second redemption with the same trade id', () => {
    const store = openStore(':memory:');
    store.insertRedemption(row('1'), 1);
    expect(() => {
      store.insertRedemption({ ...row('2'), tradeId: row('1').tradeId }, 1);
    }).toThrow(/UNIQUE/);
    store.close();
  });
});

describe('redemption state machine', () => {
  it('has no way back from a final state and no way to skip the consume online', () => {
    expect(transitions.rejected).toEqual([]);
    expect(transitions.reported).toEqual([]);
    expect(canTransition('matched', 'consumed')).toBe(false);
    expect(canTransition('consumed', 'consuming')).toBe(false);
    expect(canTransition('completed', 'dispensing')).toBe(false);
  });

  it('lists only known states as targets', () => {
    for (const from of redemptionStates) {
      for (const to of transitions[from]) expect(redemptionStates).toContain(to);
    }
  });
});
