import type { CachedCode } from '../../core/ports/store';
import type { Db } from './database';

/** How long a code that left the cloud's unused list is remembered. */
export const GONE_KEPT_MS = 7 * 86_400_000;

type RawGone = { code_hash: string; code_id: number; product_id: number; quantity: number };

/**
 * Codes that left the cached list (a refresh no longer saw them, or the platform withdrew them), by hash only,
 * like the cache itself. Written in the same transaction as the cache row's removal; pruned as it goes.
 */
export const goneCodeQueries = (db: Db) => {
  const byHash = db.prepare<[number, string]>(
    'INSERT OR REPLACE INTO gone_codes (code_hash, code_id, product_id, quantity, gone_at) SELECT code_hash, code_id, product_id, quantity, ? FROM code_cache WHERE code_hash = ?',
  );
  const find = db.prepare<[string, number], RawGone>(
    'SELECT code_hash, code_id, product_id, quantity FROM gone_codes WHERE code_hash = ? AND gone_at >= ?',
  );
  const prune = db.prepare<[number]>('DELETE FROM gone_codes WHERE gone_at < ?');
  return {
    /** Call before the cache row is deleted: it copies that row. */
    recordHash(codeHash: string, at: number): void {
      byHash.run(at, codeHash);
    },
    find(codeHash: string, now: number): CachedCode | null {
      const raw = find.get(codeHash, now - GONE_KEPT_MS);
      return raw
        ? {
            codeHash: raw.code_hash,
            codeId: raw.code_id,
            productId: raw.product_id,
            quantity: raw.quantity,
            expiresAt: null,
          }
        : null;
    },
    prune(now: number): void {
      prune.run(now - GONE_KEPT_MS);
    },
  };
};
