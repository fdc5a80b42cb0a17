import type { Db } from './database';

/**
 * Every code hash the store holds, re-made under a new key in one transaction. Cached codes cannot be re-hashed
 * (their clear text is not kept), so the cache is emptied and its refresh time forgotten: the next start fills it
 * from the cloud. A redemption that still holds its code in clear (a consume owed) gets its hash re-made, so the
 * customer can still resume it by typing the code again. Older redemptions keep hashes no new key can match:
 * typing one of those codes again asks the cloud, which answers "used".
 */
export const rekeyQueries = (db: Db) => {
  const pending = db.prepare<[], { id: string; pending_code: string }>(
    'SELECT id, pending_code FROM redemptions WHERE pending_code IS NOT NULL',
  );
  const setHash = db.prepare<[string, string]>('UPDATE redemptions SET code_hash = ? WHERE id = ?');
  const cached = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM code_cache');
  return {
    rekeyCodes(hash: (code: string) => string): { rehashed: number; dropped: number } {
      return db.transaction(() => {
        const dropped = cached.get()?.n ?? 0;
        db.exec("DELETE FROM code_cache; DELETE FROM meta WHERE key IN ('cache.refreshedAt', 'cache.salt');");
        const rows = pending.all();
        for (const row of rows) setHash.run(hash(row.pending_code), row.id);
        return { rehashed: rows.length, dropped };
      });
    },
  };
};
