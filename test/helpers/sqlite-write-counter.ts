import { DatabaseSync } from 'node:sqlite';

const TABLES = ['code_cache', 'products', 'meta'] as const;
export type CountedTable = (typeof TABLES)[number];

/**
 * Counts, from a second connection, what the store's own connection writes to an on-disk kiosk database: rows
 * by table (triggers, so every insert, update and delete is seen whichever statement made it; an INSERT OR REPLACE
 * is one row) and whether a change was committed (`PRAGMA data_version` moves when another connection commits
 * one; a BEGIN/COMMIT that wrote nothing does not move it: count the adapter's transactions for that). Install it
 * after the store has created its tables.
 */
export const countWrites = (path: string) => {
  const side = new DatabaseSync(path);
  side.exec('CREATE TABLE write_count (tbl TEXT PRIMARY KEY, n INTEGER NOT NULL)');
  for (const t of TABLES) {
    side.exec(`INSERT INTO write_count VALUES ('${t}', 0)`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE'])
      side.exec(
        `CREATE TRIGGER count_${t}_${op} AFTER ${op} ON ${t} BEGIN UPDATE write_count SET n = n + 1 WHERE tbl = '${t}'; END`,
      );
  }
  const rows = side.prepare('SELECT tbl, n FROM write_count');
  const version = side.prepare('PRAGMA data_version');
  const read = () => {
    const byTable = Object.fromEntries(rows.all().map((r) => [String(r.tbl), Number(r.n)]));
    return {
      byTable: Object.fromEntries(TABLES.map((t) => [t, byTable[t] ?? 0])) as Record<CountedTable, number>,
      version: Number(Object.values(version.get() ?? {})[0]),
    };
  };
  let mark = read();
  return {
    /** What was written since the last call (or since install), and whether it was committed. */
    take(): { rows: Record<CountedTable, number>; cache: number; committed: boolean } {
      const now = read();
      const rowsSince = Object.fromEntries(
        TABLES.map((t) => [t, now.byTable[t] - mark.byTable[t]]),
      ) as Record<CountedTable, number>;
      const committed = now.version !== mark.version;
      mark = now;
      return { rows: rowsSince, cache: rowsSince.code_cache + rowsSince.products, committed };
    },
    close(): void {
      side.close();
    },
  };
};
