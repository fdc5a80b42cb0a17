import type { Db } from './database';

/**
 * Versioned schema migrations. Each runs once, in order, inside a transaction, and bumps `user_version`.
 * Never edit a shipped migration: machines in the field already ran it. Add a new one instead.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE redemptions (
    id TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL,
    code_mask TEXT NOT NULL,
    trade_id TEXT NOT NULL UNIQUE,
    pickup_code_id INTEGER NOT NULL,
    product_id INTEGER NOT NULL,
    product_name TEXT NOT NULL,
    price TEXT NOT NULL,
    slot_name TEXT NOT NULL,
    addr INTEGER NOT NULL,
    slot INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    state TEXT NOT NULL,
    consume_pending INTEGER NOT NULL DEFAULT 0,
    -- the code in clear only while a consume is owed (crash mid-consume, offline); cleared once settled
    pending_code TEXT,
    order_id INTEGER,
    note TEXT,
    attention INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX redemptions_code ON redemptions (code_hash, created_at);
  CREATE INDEX redemptions_state ON redemptions (state);
  CREATE TABLE units (
    redemption_id TEXT NOT NULL REFERENCES redemptions (id),
    idx INTEGER NOT NULL,
    state TEXT NOT NULL,
    reason TEXT,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    PRIMARY KEY (redemption_id, idx)
  );
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    redemption_id TEXT,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE code_cache (
    code_hash TEXT PRIMARY KEY,
    code_id INTEGER NOT NULL,
    product_id INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    expires_at INTEGER
  );
  CREATE TABLE products (
    product_id INTEGER PRIMARY KEY,
    json TEXT NOT NULL
  );
  CREATE TABLE slot_locks (
    addr INTEGER NOT NULL,
    slot INTEGER NOT NULL,
    reason TEXT NOT NULL,
    redemption_id TEXT,
    locked_at INTEGER NOT NULL,
    PRIMARY KEY (addr, slot)
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // v2: the operator's "needs attention" list is read on every status call; keep it off a full table scan.
  `CREATE INDEX redemptions_attention ON redemptions (updated_at) WHERE attention = 1;`,
  // v3: when the board answered a unit's dispense write (its echo): after a crash, the proof that a later `done`
  // or `idle` belongs to this command.
  `ALTER TABLE units ADD COLUMN accepted_at INTEGER;`,
  // v4: stock as a ledger. Each change the cloud has not yet accepted is kept, so a refresh cannot drop it and a
  // report is computed when it is sent, never queued as a figure that a later one could be overtaken by. Stock
  // reports queued by v3 become "in doubt" marks: the local figure is kept and reported again.
  `
  CREATE TABLE stock_ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id INTEGER NOT NULL,
    delta INTEGER NOT NULL DEFAULT 0,
    set_to INTEGER,
    redemption_id TEXT,
    in_doubt INTEGER NOT NULL DEFAULT 0,
    at INTEGER NOT NULL
  );
  CREATE INDEX stock_ledger_product ON stock_ledger (product_id, id);
  INSERT INTO stock_ledger (product_id, delta, in_doubt, at)
    SELECT json_extract(payload, '$.productId'), 0, 1, MIN(created_at) FROM outbox WHERE kind = 'stock'
    GROUP BY json_extract(payload, '$.productId');
  DELETE FROM outbox WHERE kind = 'stock';
  `,
  // v5: what a code is still owed, and the make-up deliveries that pay it back (a child redemption with no
  // consume of its own); locks say whether they are an unknown outcome or a slot taken out after failures; a
  // slot's recent outcomes are read per slot, so they get an index.
  `
  ALTER TABLE redemptions ADD COLUMN owed INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE redemptions ADD COLUMN parent_id TEXT REFERENCES redemptions (id);
  ALTER TABLE slot_locks ADD COLUMN kind TEXT NOT NULL DEFAULT 'unknown';
  CREATE INDEX redemptions_slot ON redemptions (addr, slot, created_at);
  CREATE INDEX redemptions_owed ON redemptions (updated_at) WHERE owed > 0;
  `,
  // v6: retention looks up a redemption's make-ups and its queued reports for every row it may remove.
  `
  CREATE INDEX redemptions_parent ON redemptions (parent_id) WHERE parent_id IS NOT NULL;
  CREATE INDEX outbox_redemption ON outbox (redemption_id);
  CREATE INDEX audit_at ON audit (at);
  `,
  // v7: the flight recorder's evidence. A failed or unknown unit keeps the wire frames around it and the journal
  // rows that explain it, keyed by the reference the customer was shown, so support can export and replay it.
  `
  CREATE TABLE incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL,
    redemption_id TEXT,
    unit_index INTEGER,
    outcome TEXT NOT NULL,
    reason TEXT,
    addr INTEGER NOT NULL,
    slot INTEGER NOT NULL,
    at INTEGER NOT NULL,
    frames TEXT NOT NULL,
    journal TEXT NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX incidents_reference ON incidents (reference);
  CREATE INDEX incidents_at ON incidents (at);
  `,
  // v8: an operator's test dispense of a slot. Journaled like a customer's unit (intent before the motor, the
  // board's acceptance while it runs, the outcome after) but tied to no code, no consume and no order.
  `
  CREATE TABLE test_dispenses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    addr INTEGER NOT NULL,
    slot INTEGER NOT NULL,
    product_id INTEGER,
    state TEXT NOT NULL,
    reason TEXT,
    source TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    accepted_at INTEGER,
    finished_at INTEGER
  );
  CREATE INDEX test_dispenses_open ON test_dispenses (id) WHERE state = 'intent';
  CREATE INDEX test_dispenses_slot ON test_dispenses (addr, slot, started_at);
  `,
  // v9: why the cloud refused a redemption, as its own column: the next attempt with the same code reads it to tell
  // "already used" from a refusal that leaves the code usable, instead of parsing the operator's note.
  `
  ALTER TABLE redemptions ADD COLUMN refusal TEXT;
  UPDATE redemptions
    SET refusal = CASE WHEN instr(substr(note, 16), ' ') > 0
                       THEN substr(substr(note, 16), 1, instr(substr(note, 16), ' ') - 1)
                       ELSE substr(note, 16) END
    WHERE state = 'rejected' AND note LIKE 'cloud refused: %';
  `,
  // v10: the poller asks every minute which products were redeemed lately (core/cache/poll-plan.ts).
  `CREATE INDEX redemptions_created ON redemptions (created_at);`,
  // v11: codes that left the cloud's unused list (used on another machine, or withdrawn), kept a week by their
  // hash, so a customer typing one is asked about it (the cloud says "used") instead of told "not recognised".
  `
  CREATE TABLE gone_codes (
    code_hash TEXT PRIMARY KEY,
    code_id INTEGER NOT NULL,
    product_id INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    gone_at INTEGER NOT NULL
  );
  CREATE INDEX gone_codes_at ON gone_codes (gone_at);
  `,
];

export const schemaVersion = migrations.length;

/** Brings the schema to `target` (the newest by default; tests stop earlier to build a database from the field). */
export const migrate = (db: Db, target = migrations.length): number => {
  const current = Number(db.pragma('user_version'));
  if (current > migrations.length) {
    throw new Error(
      `database schema v${current} is newer than this app (v${migrations.length}); refusing to open it`,
    );
  }
  migrations.slice(current, Math.max(current, target)).forEach((sql, offset) => {
    db.transaction(() => {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${current + offset + 1}`);
    });
  });
  return Math.max(0, target - current);
};
