import { describe, expect, it } from 'vitest';
import { observe } from '../../../../electron/core/alerts/alert-conditions';
import type { AlertSnapshot, LockedSlot } from '../../../../electron/core/alerts/alert-snapshot';
import type { AlertSettings } from '../../../../electron/core/alerts/alert-types';

const T0 = Date.UTC(2026, 0, 1, 8);
const MIN = 60_000;
const settings: AlertSettings = {
  boardDownMs: 3 * MIN,
  outboxAlertAt: 200,
  outboxAlertAfterMs: 60 * MIN,
  maxPerHour: 20,
};

const snapshot = (extra: Partial<AlertSnapshot> = {}): AlertSnapshot => ({
  now: T0,
  locks: [],
  boards: [],
  auth: { state: 'ok' },
  pickupCodes: { state: 'ok' },
  backlog: { length: 0, oldestAt: null },
  ...extra,
});

const lock = (extra: Partial<LockedSlot> = {}): LockedSlot => ({
  addr: 1,
  slot: 12,
  kind: 'unknown',
  reason: 'no answer from the board',
  redemptionId: 'r-1',
  lockedAt: T0 - MIN,
  slotName: 'A12',
  codeMask: '******57',
  reference: '00001234',
  ...extra,
});

const keys = (s: AlertSnapshot): { raised: string[]; undecided: string[] } => {
  const o = observe(s, settings);
  return { raised: o.conditions.map((c) => c.key), undecided: [...o.undecided] };
};

describe('alert conditions', () => {
  it('raises every locked slot, unknown as critical and quarantine as warning, with masked code only', () => {
    const o = observe(
      snapshot({
        locks: [lock(), lock({ kind: 'quarantine', slot: 3, reason: 'quarantined: Goods are Stuck' })],
      }),
      settings,
    );
    expect(o.conditions.map((c) => [c.kind, c.severity, c.clears])).toEqual([
      ['unknown-outcome', 'critical', false],
      ['slot-quarantined', 'warning', false],
    ]);
    const [unknown, quarantined] = o.conditions;
    expect(unknown?.key).toBe(`unknown/1/12@${T0 - MIN}`);
    expect(unknown?.detail).toEqual({
      addr: 1,
      slot: 12,
      slotName: 'A12',
      reason: 'no answer from the board',
      lockedAt: new Date(T0 - MIN).toISOString(),
      code: '******57',
      reference: '00001234',
    });
    expect(unknown?.summary).toBe(
      'A dispense from slot A12 (board 1, slot 12) ended without a clear outcome, so the item may or may not ' +
        'have dropped; the slot is locked until someone checks it and unlocks it on the maintenance screen. ' +
        'Customer reference 00001234.',
    );
    expect(quarantined?.summary).toMatch(
      /^Slot A12 \(board 1, slot 3\) was taken out of service .*Goods are Stuck/,
    );
  });

  it('keys a lock by when it was made, so an unlock and a new lock between two looks is a new alert', () => {
    const before = keys(snapshot({ locks: [lock()] })).raised;
    const after = keys(snapshot({ locks: [lock({ lockedAt: T0 })] })).raised;
    expect(before).not.toEqual(after);
  });

  it.each([
    [2 * MIN, { raised: [], undecided: ['board-down/2'] }],
    [3 * MIN, { raised: ['board-down/2'], undecided: [] }],
  ])('a board down for %i ms', (downFor, expected) => {
    const s = snapshot({
      boards: [{ addr: 2, kind: 'down', reason: 'board 2 does not answer (timeout)', since: T0 - downFor }],
    });
    expect(keys(s)).toEqual(expected);
  });

  it('says how long a board has been down, and raises a mismatch at once', () => {
    const o = observe(
      snapshot({
        boards: [
          { addr: 2, kind: 'down', reason: 'board 2 does not answer (timeout)', since: T0 - 7 * MIN },
          {
            addr: 3,
            kind: 'mismatch',
            reason: 'board 3: configured with a lift, but the board reports none',
            since: T0,
          },
        ],
      }),
      settings,
    );
    expect(o.conditions.map((c) => [c.kind, c.clears])).toEqual([
      ['board-down', true],
      ['board-mismatch', false],
    ]);
    expect(o.conditions[0]?.summary).toMatch(/^Driver board 2 has not answered for 7 minutes/);
  });

  it.each([
    ['unknown', { raised: [], undecided: ['cloud-auth', 'pickup-codes-off'] }],
    ['ok', { raised: [], undecided: [] }],
  ] as const)('the cloud %s raises nothing', (state, expected) => {
    expect(keys(snapshot({ auth: { state }, pickupCodes: { state } }))).toEqual(expected);
  });

  it('raises refused credentials and pickup codes switched off, with the vendor code', () => {
    const bad = (vendorCode: number) =>
      ({
        state: 'bad',
        since: T0 - MIN,
        call: 'listCodes',
        vendorCode,
        detail: 'refused by the vendor',
      }) as const;
    const o = observe(snapshot({ auth: bad(10013), pickupCodes: bad(10023) }), settings);
    expect(o.conditions.map((c) => [c.key, c.severity, c.detail.vendorCode])).toEqual([
      ['cloud-auth', 'critical', 10013],
      ['pickup-codes-off', 'critical', 10023],
    ]);
  });

  it.each([
    ['short and young', { length: 90, oldestAt: T0 - 5 * MIN }, { raised: [], undecided: [] }],
    [
      'over the length',
      { length: 201, oldestAt: T0 - 5 * MIN },
      { raised: ['outbox-backlog'], undecided: [] },
    ],
    ['old', { length: 3, oldestAt: T0 - 61 * MIN }, { raised: ['outbox-backlog'], undecided: [] }],
    // Between half the threshold and the threshold: neither raised nor cleared, so it does not flap.
    ['half full', { length: 101, oldestAt: T0 - MIN }, { raised: [], undecided: ['outbox-backlog'] }],
    ['empty', { length: 0, oldestAt: null }, { raised: [], undecided: [] }],
  ])('an outbox %s', (_name, backlog, expected) => {
    expect(keys(snapshot({ backlog }))).toEqual(expected);
  });
});
