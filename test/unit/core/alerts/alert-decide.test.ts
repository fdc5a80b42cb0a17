import { describe, expect, it } from 'vitest';
import { decide, type Decision } from '../../../../electron/core/alerts/alert-decide';
import { emptyLedger, type AlertLedger } from '../../../../electron/core/alerts/alert-ledger';
import type { AlertCondition, Observation } from '../../../../electron/core/alerts/alert-types';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;

const condition = (key: string, extra: Partial<AlertCondition> = {}): AlertCondition => ({
  key,
  kind: 'board-down',
  severity: 'critical',
  summary: `condition ${key}`,
  detail: { key },
  clears: true,
  ...extra,
});

const seen = (conditions: AlertCondition[], undecided: string[] = []): Observation => ({
  conditions,
  undecided: new Set(undecided),
});

/** Runs looks in order, each on the previous ledger, as the watcher does. */
const run = (
  looks: { at: number; observation: Observation }[],
  maxPerHour = 20,
  start: AlertLedger = emptyLedger(),
): Decision[] => {
  let ledger = start;
  let n = 0;
  return looks.map(({ at, observation }) => {
    const decision = decide(ledger, observation, at, maxPerHour, () => `id-${++n}`);
    ledger = decision.ledger;
    return decision;
  });
};

describe('alert dedup', () => {
  it('sends a condition once while it lasts, however many looks see it', () => {
    const d = run([0, 1, 2, 3].map((i) => ({ at: T0 + i * 30_000, observation: seen([condition('a')]) })));
    expect(d.map((x) => x.outgoing.length)).toEqual([1, 0, 0, 0]);
    expect(d[0]?.outgoing[0]).toMatchObject({ id: 'id-1', kind: 'board-down', summary: 'condition a' });
  });

  it('sends a cleared alert naming the raised one when a clearing condition ends, and raises it anew later', () => {
    const d = run([
      { at: T0, observation: seen([condition('board-down/2')]) },
      { at: T0 + MIN, observation: seen([]) },
      { at: T0 + 2 * MIN, observation: seen([condition('board-down/2')]) },
    ]);
    expect(d[1]?.outgoing).toEqual([
      {
        id: 'id-2',
        kind: 'cleared',
        severity: 'info',
        summary: 'Driver board 2 answers again; its slots are back in service.',
        detail: { clears: 'board-down', alertId: 'id-1' },
      },
    ]);
    expect(d[2]?.outgoing.map((o) => o.id)).toEqual(['id-3']);
  });

  it('forgets a condition that does not clear without a word when it ends', () => {
    const lock = condition('unknown/1/12@5', { kind: 'unknown-outcome', clears: false });
    const d = run([
      { at: T0, observation: seen([lock]) },
      { at: T0 + MIN, observation: seen([]) },
    ]);
    expect(d[1]?.outgoing).toEqual([]);
    expect(d[1]?.ledger.active).toEqual({});
  });

  it('neither raises nor clears what is undecided (a board down under the threshold, a cloud not asked yet)', () => {
    const d = run([
      { at: T0, observation: seen([condition('cloud-auth', { kind: 'cloud-auth' })]) },
      { at: T0 + MIN, observation: seen([], ['cloud-auth']) },
      { at: T0 + 2 * MIN, observation: seen([], ['cloud-auth']) },
    ]);
    expect(d.map((x) => x.outgoing.length)).toEqual([1, 0, 0]);
    expect(Object.keys(d[2]?.ledger.active ?? {})).toEqual(['cloud-auth']);
  });

  it('survives a restart: a ledger saved and read back sends nothing for what it already sent', () => {
    const [first] = run([{ at: T0, observation: seen([condition('a'), condition('b')]) }]);
    const reread = JSON.parse(JSON.stringify(first?.ledger)) as AlertLedger;
    const [after] = run([{ at: T0 + MIN, observation: seen([condition('a'), condition('b')]) }], 20, reread);
    expect(after?.outgoing).toEqual([]);
  });
});

describe('alert rate limit', () => {
  it('sends at most maxPerHour, the most severe first, and the rest once the hour has room', () => {
    const four = [
      condition('w1', { severity: 'warning' }),
      condition('c1'),
      condition('w2', { severity: 'warning' }),
      condition('c2'),
    ];
    const d = run(
      [
        { at: T0, observation: seen(four) },
        { at: T0 + 30 * MIN, observation: seen(four) },
        { at: T0 + 61 * MIN, observation: seen(four) },
      ],
      2,
    );
    expect(d[0]?.outgoing.map((o) => o.summary)).toEqual(['condition c1', 'condition c2']);
    expect(d[0]?.heldBack.map((c) => c.key)).toEqual(['w1', 'w2']);
    expect(d[1]?.outgoing).toEqual([]);
    // Held back is logged once, not on every look.
    expect(d[1]?.heldBack).toEqual([]);
    expect(d[2]?.outgoing.map((o) => o.summary)).toEqual(['condition w1', 'condition w2']);
  });

  it('counts what the limit cost for good and says so in the next alert that goes out', () => {
    const d = run(
      [
        { at: T0, observation: seen([condition('a'), condition('b'), condition('c')]) },
        // b and c ended while held back: they are lost, and a's end has no room for its cleared alert either.
        { at: T0 + 10 * MIN, observation: seen([]) },
        { at: T0 + 61 * MIN, observation: seen([condition('d')]) },
      ],
      1,
    );
    expect(d[0]?.outgoing).toHaveLength(1);
    expect(d[1]?.outgoing).toEqual([]);
    expect([...(d[1]?.lost ?? [])].sort()).toEqual(['a', 'b', 'c']);
    expect(d[1]?.ledger.missed).toBe(3);
    expect(d[2]?.outgoing[0]?.summary).toBe(
      'condition d (3 other alerts were not sent because of the hourly limit.)',
    );
    expect(d[2]?.outgoing[0]?.detail).toMatchObject({ missedAlerts: 3, waitingAlerts: 0 });
    expect(d[2]?.ledger.missed).toBe(0);
  });

  it('counts cleared alerts against the limit, and keeps only the last hour of sends', () => {
    const [first, second] = run(
      [
        { at: T0, observation: seen([condition('a')]) },
        { at: T0 + 2 * 3_600_000, observation: seen([]) },
      ],
      1,
    );
    expect(first?.ledger.sentAt).toEqual([T0]);
    expect(second?.outgoing.map((o) => o.kind)).toEqual(['cleared']);
    expect(second?.ledger.sentAt).toEqual([T0 + 2 * 3_600_000]);
  });
});
