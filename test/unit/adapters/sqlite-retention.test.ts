import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/adapters/sqlite/open-store';
import type { KioskStore, NewRedemption } from '../../../electron/core/ports/store';

const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  });
});
const tempDb = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-retention-'));
  dirs.push(dir);
  return join(dir, 'kiosk.db');
};

let seq = 0;
const redemption = (at: number, over: Partial<NewRedemption> = {}): NewRedemption => {
  const id = String(10n ** 23n + BigInt(seq++));
  return {
    id,
    codeHash: `hash-${id}`,
    codeMask: '******12',
    tradeId: id,
    pickupCodeId: 1,
    productId: 101,
    productName: 'Sparkling Water',
    price: '2.50',
    slotName: 'A01',
    addr: 1,
    slot: 0,
    quantity: 1,
    pendingCode: null,
    createdAt: at,
    ...over,
  };
};

/** A pickup as the engine leaves it: one unit dispensed, reported, audited. */
const finished = (store: KioskStore, at: number, over: Partial<NewRedemption> = {}): string => {
  const r = redemption(at, over);
  store.insertRedemption(r, at);
  store.moveRedemption(r.id, 'matched', 'consuming', at);
  store.moveRedemption(r.id, 'consuming', 'consumed', at);
  store.moveRedemption(r.id, 'consumed', 'dispensing', at);
  store.putUnit(r.id, 0, 'success', at);
  store.moveRedemption(r.id, 'dispensing', 'completed', at);
  store.moveRedemption(r.id, 'completed', 'reported', at);
  store.audit('redemption.completed', { redemption: r.id, outcome: 'success' }, at);
  return r.id;
};

describe('journal retention', () => {
  it('removes reported history past the cutoff, with its units and audit, and keeps the rest', () => {
    const store = openStore(':memory:');
    const old = finished(store, 1 * DAY);
    const recent = finished(store, 100 * DAY);
    const evidence = (at: number) => ({
      reference: 'REF00001',
      redemptionId: null,
      unitIndex: 0,
      outcome: 'unknown' as const,
      reason: 'status cannot be read',
      addr: 1,
      slot: 0,
      at,
      frames: '',
      journal: '{}',
    });
    store.insertIncident(evidence(2 * DAY));
    const test = { addr: 1, slot: 0, productId: null, source: 'maintenance' as const };
    const oldTest = store.insertTestIntent({ ...test, startedAt: 2 * DAY });
    store.finishTest(oldTest, 'success', null, 2 * DAY);
    // Interrupted and never assessed: recovery still needs it, however old.
    const openTest = store.insertTestIntent({ ...test, startedAt: 3 * DAY });
    const kept = store.insertIncident(evidence(50 * DAY));
    const counts = store.pruneBefore(10 * DAY);
    expect(counts).toEqual({ redemptions: 1, audit: 1, incidents: 1, tests: 1 });
    expect(store.getTest(oldTest)).toBeNull();
    expect(store.openTests().map((t) => t.id)).toEqual([openTest]);
    expect(store.listIncidents(10).map((i) => i.id)).toEqual([kept]);
    expect(store.getRedemption(old)).toBeNull();
    expect(store.listUnits(old)).toEqual([]);
    expect(store.getRedemption(recent)).not.toBeNull();
    expect(store.listAudit(10)).toHaveLength(1);
    store.close();
  });

  it('keeps whatever is still needed: owed, flagged, unreported, unsent, or with a make-up in progress', () => {
    const store = openStore(':memory:');
    const owed = finished(store, DAY);
    store.patchRedemption(owed, { owed: 1 }, DAY);
    const flagged = finished(store, DAY);
    store.patchRedemption(flagged, { attention: true }, DAY);
    const unsent = finished(store, DAY);
    store.enqueueOutbox('order', unsent, '{}', DAY);
    const completed = redemption(DAY);
    store.insertRedemption(completed, DAY);
    store.moveRedemption(completed.id, 'matched', 'consuming', DAY);
    const parent = finished(store, DAY);
    const makeUp = redemption(DAY, { parentId: parent });
    store.insertRedemption(makeUp, DAY);
    store.moveRedemption(makeUp.id, 'matched', 'dispensing', DAY);
    expect(store.pruneBefore(10 * DAY).redemptions).toBe(0);
    for (const id of [owed, flagged, unsent, completed.id, parent, makeUp.id])
      expect(store.getRedemption(id)).not.toBeNull();
    // Once the make-up is finished and reported, the pair goes together.
    store.moveRedemption(makeUp.id, 'dispensing', 'completed', DAY);
    store.moveRedemption(makeUp.id, 'completed', 'reported', DAY);
    expect(store.pruneBefore(10 * DAY).redemptions).toBe(1);
    expect(store.getRedemption(makeUp.id)).toBeNull();
    expect(store.getRedemption(parent)).toBeNull();
    store.close();
  });

  it('keeps the database bounded over 100,000 redemptions and 1,200 incidents, pruned daily', () => {
    const frame = '{"at":1767225600000,"dir":"rx","hex":"01 03 02 00 00 b8 44"}\n';
    const incidentFrames = frame.repeat(Math.ceil(16_384 / frame.length));
    const path = tempDb();
    const store = openStore(path);
    const perDay = 250;
    const days = 400;
    const retentionDays = 90;
    const incidentsPerDay = 3;
    let largest = 0;
    for (let day = 0; day < days; day++) {
      store.transaction(() => {
        for (let i = 0; i < perDay; i++) finished(store, day * DAY + i * 1000);
        // About one pickup in a hundred goes wrong and leaves a minute of frames: some 16 KB of evidence each.
        for (let i = 0; i < incidentsPerDay; i++)
          store.insertIncident({
            reference: `R${day}-${i}`,
            redemptionId: null,
            unitIndex: 0,
            outcome: 'failed',
            reason: 'Goods are Stuck',
            addr: 1,
            slot: 0,
            at: day * DAY + i,
            frames: incidentFrames,
            journal: '{}',
          });
      });
      store.pruneBefore((day - retentionDays) * DAY);
      if (day >= retentionDays) largest = Math.max(largest, statSync(path).size);
    }
    expect(store.countRedemptions()).toBeLessThanOrEqual((retentionDays + 1) * perDay);
    expect(store.listAudit(1_000_000).length).toBeLessThanOrEqual((retentionDays + 1) * perDay);
    expect(store.listIncidents(1_000_000).length).toBeLessThanOrEqual((retentionDays + 1) * incidentsPerDay);
    store.close();
    // Freed pages are reused: the file stops growing once the window is full (about 22,750 pickups kept).
    console.log(
      `retention: 100,000 redemptions and 1,200 incidents over ${days} days; largest database ${(largest / 1e6).toFixed(1)} MB`,
    );
    expect(largest).toBeLessThan(20_000_000);
  }, 120_000);
});
