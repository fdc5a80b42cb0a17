import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../electron/adapters/sqlite/open-store';
import type { KioskStore } from '../../../../electron/core/ports/store';
import type { ThrottleSettings } from '../../../../electron/core/throttle/throttle';
import { createThrottleGate } from '../../../../electron/core/throttle/throttle-gate';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';

const settings: ThrottleSettings = {
  maxWrongCodes: 5,
  windowSeconds: 120,
  lockoutSeconds: 60,
  maxLockoutSeconds: 900,
  maxWrongCodesPerHour: 20,
  maxWrongCodesPerDay: 60,
  levelResetSeconds: 3600,
};

/** The store with a count of writes to the throttle's meta key. */
const counting = (store: KioskStore) => {
  let writes = 0;
  const wrapped: KioskStore = Object.create(store) as KioskStore;
  wrapped.setMeta = (key, value) => {
    if (key === 'throttle.state') writes++;
    store.setMeta(key, value);
  };
  return { store: wrapped, writes: () => writes };
};

let store: KioskStore;
afterEach(() => {
  store.close();
});

const setup = () => {
  store = openStore(':memory:');
  const clock = new ManualClock();
  const logger = new MemoryLogger();
  const meta = counting(store);
  const gate = () => createThrottleGate(meta.store, clock, logger, settings);
  return { clock, logger, meta, gate };
};

describe('throttle gate: durable state', () => {
  it('keeps a lockout and the spent budget across a restart', async () => {
    const { clock, gate } = setup();
    const first = gate();
    for (let i = 0; i < 5; i++) first.wrong(`h${i}`);
    expect(first.remainingMs()).toBe(60_000);
    const second = gate();
    expect(second.lockedUntil()).toBe(clock.now() + 60_000);
    // 15 more, spaced to dodge the burst rule: the hour's budget of 20 holds across the restart too.
    await clock.advance(60_000);
    for (let i = 0; i < 15; i++) {
      await clock.advance(30_000);
      gate().wrong(`k${i}`);
    }
    expect(gate().remainingMs()).toBeGreaterThan(0);
    expect(store.listAudit(10).map((a) => JSON.parse(a.detail) as { reason: string })).toContainEqual(
      expect.objectContaining({ reason: 'hour' }),
    );
  });

  it('writes once per counted miss, and nothing for a success with nothing to clear or a repeated code', () => {
    const { meta, gate } = setup();
    const g = gate();
    for (let i = 0; i < 100; i++) g.good();
    expect(meta.writes()).toBe(0);
    g.wrong('same');
    g.wrong('same');
    expect(meta.writes()).toBe(1);
    g.good();
    g.good();
    expect(meta.writes()).toBe(2);
  });

  it('reads an unreadable state as a lockout and says so', () => {
    const { logger, gate } = setup();
    store.setMeta('throttle.state', '{not json');
    expect(gate().remainingMs()).toBe(60_000);
    expect(logger.has('entry.throttle-state-unreadable')).toBe(true);
  });

  it('carries over the state an earlier version saved', () => {
    const { clock, gate } = setup();
    const now = clock.now();
    store.setMeta(
      'throttle.state',
      JSON.stringify({ wrong: [now - 1000], lockedUntil: now + 5000, level: 2, lastWrongAt: now - 1000 }),
    );
    const g = gate();
    expect(g.remainingMs()).toBe(5000);
  });
});
