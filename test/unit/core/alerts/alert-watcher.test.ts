import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../electron/adapters/sqlite/open-store';
import { ALERT_LEDGER_KEY } from '../../../../electron/core/alerts/alert-ledger';
import { createAlertWatcher, type AlertWatcher } from '../../../../electron/core/alerts/alert-watcher';
import type { BoardProblem } from '../../../../electron/core/boards/board-health';
import type { KioskStore } from '../../../../electron/core/ports/store';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';

let store: KioskStore;
let clock: ManualClock;
let problems: BoardProblem[];
let n: number;

const watcher = (): AlertWatcher =>
  createAlertWatcher({
    store,
    clock,
    logger: new MemoryLogger(),
    machineNo: '12345678',
    machineName: 'Lobby',
    settings: { boardDownMs: 180_000, outboxAlertAt: 10, outboxAlertAfterMs: 3_600_000, maxPerHour: 20 },
    boardProblems: () => problems,
    cloud: { auth: () => ({ state: 'ok' }), pickupCodes: () => ({ state: 'ok' }) },
    newId: () => `id-${++n}`,
  });

const queued = (): { kind: string; id: string; at: string }[] =>
  store
    .dueOutbox(Number.MAX_SAFE_INTEGER, 100, 'alert')
    .map((row) => JSON.parse(row.payload) as { kind: string; id: string; at: string });

beforeEach(() => {
  store = openStore(':memory:');
  clock = new ManualClock();
  problems = [];
  n = 0;
});
afterEach(() => {
  store.close();
});

describe('alert watcher on the journal', () => {
  it('counts the cloud reports, not the alerts waiting beside them, towards a backlog', () => {
    const w = watcher();
    for (let i = 0; i < 11; i++) store.enqueueOutbox('alert', null, '{}', clock.now());
    w.look();
    expect(queued().filter((a) => a.kind === 'outbox-backlog')).toEqual([]);
    for (let i = 0; i < 11; i++) store.enqueueOutbox('order', null, '{}', clock.now());
    w.look();
    expect(queued().filter((a) => a.kind === 'outbox-backlog')).toHaveLength(1);
  });

  it('alerts an old report even when few are waiting, and clears once it has gone', async () => {
    const w = watcher();
    store.enqueueOutbox('consume', null, '{}', clock.now());
    await clock.advance(3_600_001);
    w.look();
    expect(queued().map((a) => a.kind)).toEqual(['outbox-backlog']);
    store.deleteOutbox(store.dueOutbox(clock.now(), 10, 'consume').map((r) => r.id));
    w.look();
    expect(queued().map((a) => a.kind)).toEqual(['outbox-backlog', 'cleared']);
  });

  it('times a board from the first look that sees it down, and a restarted watcher does not send it again', async () => {
    problems = [{ addr: 2, kind: 'down', reason: 'board 2 does not answer (timeout)' }];
    const w = watcher();
    w.look();
    await clock.advance(179_000);
    w.look();
    expect(queued()).toEqual([]);
    await clock.advance(1000);
    w.look();
    expect(queued().map((a) => [a.kind, a.at])).toEqual([
      ['board-down', new Date(clock.now()).toISOString()],
    ]);
    const again = watcher();
    again.look();
    await clock.advance(600_000);
    again.look();
    expect(queued()).toHaveLength(1);
    expect(store.listAudit(10).map((a) => a.kind)).toContain('alert.queued');
  });

  it('starts over from a damaged ledger rather than never alerting again', () => {
    store.setMeta(ALERT_LEDGER_KEY, '{"version":1,"act');
    problems = [{ addr: 3, kind: 'mismatch', reason: 'board 3: the board reports a lift' }];
    watcher().look();
    expect(queued().map((a) => a.kind)).toEqual(['board-mismatch']);
  });

  it('writes nothing when nothing changed', () => {
    const w = watcher();
    w.look();
    expect(store.getMeta(ALERT_LEDGER_KEY)).toBeNull();
  });
});
