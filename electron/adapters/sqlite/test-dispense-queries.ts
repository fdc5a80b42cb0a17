import type { UnitState } from '../../core/redemption/states';
import type {
  NewTestDispense,
  OperatorSource,
  TestDispenseRow,
  TestDispenseStore,
  TestState,
} from '../../core/ports/test-dispense-store';
import type { Db } from './database';

type RawTest = {
  id: number;
  addr: number;
  slot: number;
  product_id: number | null;
  state: TestState;
  reason: string | null;
  source: OperatorSource;
  started_at: number;
  accepted_at: number | null;
  finished_at: number | null;
};

const toRow = (r: RawTest): TestDispenseRow => ({
  id: r.id,
  addr: r.addr,
  slot: r.slot,
  productId: r.product_id,
  state: r.state,
  reason: r.reason,
  source: r.source,
  startedAt: r.started_at,
  acceptedAt: r.accepted_at,
  finishedAt: r.finished_at,
});

/** Operators' test dispenses (migration v8), and the per-slot streak that counts them beside customers' units. */
export const testDispenseQueries = (db: Db): TestDispenseStore => {
  const insert = db.prepare<[number, number, number | null, OperatorSource, number], { id: number }>(
    `INSERT INTO test_dispenses (addr, slot, product_id, state, source, started_at)
     VALUES (?, ?, ?, 'intent', ?, ?) RETURNING id`,
  );
  const accept = db.prepare<[number, number]>(
    "UPDATE test_dispenses SET accepted_at = ? WHERE id = ? AND state = 'intent'",
  );
  const finish = db.prepare<[TestState, string | null, number, number]>(
    "UPDATE test_dispenses SET state = ?, reason = ?, finished_at = ? WHERE id = ? AND state = 'intent'",
  );
  const byId = db.prepare<[number], RawTest>('SELECT * FROM test_dispenses WHERE id = ?');
  const open = db.prepare<[], RawTest>("SELECT * FROM test_dispenses WHERE state = 'intent' ORDER BY id");
  const last = db.prepare<[], RawTest>('SELECT * FROM test_dispenses ORDER BY id DESC LIMIT 1');
  // Units keep the order they always had (their redemption's time, then its row and unit); a test sorts by its
  // own start. A test refuses to run while a redemption is in progress, so the two never interleave.
  const streak = db.prepare<[number, number, number, number, number], { state: UnitState }>(
    `SELECT state FROM (
       SELECT u.state AS state, r.created_at AS at, 0 AS kind, r.rowid AS seq, u.idx AS idx
         FROM units u JOIN redemptions r ON r.id = u.redemption_id
        WHERE r.addr = ? AND r.slot = ? AND u.state IN ('success', 'failed', 'unknown')
       UNION ALL
       SELECT state, started_at, 1, id, 0 FROM test_dispenses
        WHERE addr = ? AND slot = ? AND state IN ('success', 'failed', 'unknown')
     ) ORDER BY at DESC, kind DESC, seq DESC, idx DESC LIMIT ?`,
  );

  return {
    insertTestIntent(row: NewTestDispense): number {
      const inserted = insert.get(row.addr, row.slot, row.productId, row.source, row.startedAt);
      if (inserted === undefined) throw new Error('test dispense insert returned no id');
      return inserted.id;
    },
    markTestAccepted(id, at) {
      accept.run(at, id);
    },
    finishTest: (id, state, reason, at) => finish.run(state, reason, at, id).changes === 1,
    getTest(id) {
      const raw = byId.get(id);
      return raw ? toRow(raw) : null;
    },
    openTests: () => open.all().map(toRow),
    lastTest() {
      const raw = last.get();
      return raw ? toRow(raw) : null;
    },
    recentSlotOutcomes: (addr, slot, limit) => streak.all(addr, slot, addr, slot, limit).map((r) => r.state),
  };
};
