import type { Db } from './database';
import type { PruneCounts } from '../../core/ports/store';

/** Rows removed per pass: one commit stays short however far behind the journal is. */
const batch = 500;

/**
 * Removes what nobody needs any more: redemptions finished and reported (or refused) before `cutoff`, with their
 * units and their make-up deliveries, and audit entries, incidents and finished test dispenses older than it. A redemption is kept while it is owed
 * anything, flagged for an operator, waiting on the outbox, or one of its make-ups is not finished yet.
 */
export const retentionQueries = (db: Db) => {
  const candidates = db.prepare<[number, number], { id: string }>(
    `SELECT r.id FROM redemptions r
     WHERE r.parent_id IS NULL AND r.state IN ('reported', 'rejected') AND r.updated_at < ?
       AND r.owed = 0 AND r.attention = 0
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.redemption_id = r.id)
       AND NOT EXISTS (SELECT 1 FROM redemptions c WHERE c.parent_id = r.id
                       AND (c.state <> 'reported' OR c.attention = 1))
     LIMIT ?`,
  );
  const unitsOf = db.prepare<[string, string]>(
    'DELETE FROM units WHERE redemption_id = ? OR redemption_id IN (SELECT id FROM redemptions WHERE parent_id = ?)',
  );
  const children = db.prepare<[string]>('DELETE FROM redemptions WHERE parent_id = ?');
  const root = db.prepare<[string]>('DELETE FROM redemptions WHERE id = ?');
  const audit = db.prepare<[number, number]>(
    'DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE at < ? ORDER BY id LIMIT ?)',
  );
  // Evidence ages out on the same clock as the history it explains; it is the bulkiest row the journal keeps.
  const incidents = db.prepare<[number, number]>(
    'DELETE FROM incidents WHERE id IN (SELECT id FROM incidents WHERE at < ? ORDER BY id LIMIT ?)',
  );
  // A test still in `intent` is waiting for recovery to ask the board: kept whatever its age.
  const tests = db.prepare<[number, number]>(
    `DELETE FROM test_dispenses WHERE id IN
       (SELECT id FROM test_dispenses WHERE started_at < ? AND state <> 'intent' ORDER BY id LIMIT ?)`,
  );

  return {
    pruneBefore(cutoff: number): PruneCounts {
      let redemptions = 0;
      for (;;) {
        const ids = candidates.all(cutoff, batch).map((c) => c.id);
        if (ids.length === 0) break;
        db.transaction(() => {
          for (const id of ids) {
            unitsOf.run(id, id);
            children.run(id);
            root.run(id);
          }
        });
        redemptions += ids.length;
      }
      const drain = (statement: typeof audit): number => {
        let total = 0;
        for (;;) {
          const removed = statement.run(cutoff, batch).changes;
          total += removed;
          if (removed < batch) return total;
        }
      };
      const auditRows = drain(audit);
      return { redemptions, audit: auditRows, incidents: drain(incidents), tests: drain(tests) };
    },
  };
};
