import type { OutboxStore } from '../../core/ports/outbox-store';
import type { Db } from './database';
import type { OutboxBacklog, OutboxKind, OutboxRow } from '../../core/ports/store';

type RawOutbox = {
  id: number;
  kind: OutboxKind;
  redemption_id: string | null;
  payload: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
};

export const outboxQueries = (db: Db): OutboxStore => {
  const insert = db.prepare<[string, string | null, string, number, number]>(
    'INSERT INTO outbox (kind, redemption_id, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const due = db.prepare<[number, number], RawOutbox>(
    'SELECT * FROM outbox WHERE next_attempt_at <= ? ORDER BY id LIMIT ?',
  );
  const dueKind = db.prepare<[number, string, number], RawOutbox>(
    'SELECT * FROM outbox WHERE next_attempt_at <= ? AND kind = ? ORDER BY id LIMIT ?',
  );
  const del = db.prepare<[number]>('DELETE FROM outbox WHERE id = ?');
  const defer = db.prepare<[number, string, number]>(
    'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
  );
  const length = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM outbox');
  const backlog = db.prepare<[], { n: number; oldest: number | null }>(
    "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox WHERE kind NOT IN ('alert', 'live')",
  );

  return {
    enqueueOutbox(kind: OutboxKind, redemptionId: string | null, payload: string, at: number): void {
      insert.run(kind, redemptionId, payload, at, at);
    },
    dueOutbox(now: number, limit: number, kind?: OutboxKind): OutboxRow[] {
      const rows = kind ? dueKind.all(now, kind, limit) : due.all(now, limit);
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        redemptionId: r.redemption_id,
        payload: r.payload,
        attempts: r.attempts,
        nextAttemptAt: r.next_attempt_at,
        lastError: r.last_error,
      }));
    },
    deleteOutbox(ids: readonly number[]): void {
      db.transaction(() => {
        ids.forEach((id) => del.run(id));
      });
    },
    deferOutbox(ids: readonly number[], nextAttemptAt: number, error: string): void {
      db.transaction(() => {
        ids.forEach((id) => defer.run(nextAttemptAt, error, id));
      });
    },
    outboxLength(): number {
      return length.get()?.n ?? 0;
    },
    cloudBacklog(): OutboxBacklog {
      const row = backlog.get();
      return { length: row?.n ?? 0, oldestAt: row?.oldest ?? null };
    },
  };
};
