import type { CacheRows } from './cache-diff';

/** Long past any refresh's duration: older marks cannot matter and are forgotten. */
const KEEP_MS = 10 * 60_000;

export type PushedChanges = {
  put(codeHash: string, at: number): void;
  deleted(codeId: number, at: number): void;
  /**
   * A refresh that started at `startedAt` read the cloud before a code was pushed (or withdrawn) during it: its
   * view of that code is older than the push's, so the push wins. Without this, a code pushed while a refresh
   * runs would be dropped by it, and a withdrawn one put back.
   */
  guard(rows: CacheRows, startedAt: number, now: number): CacheRows;
};

export const createPushedChanges = (): PushedChanges => {
  const puts = new Map<string, number>();
  const deletes = new Map<number, number>();
  const prune = (now: number): void => {
    for (const [k, at] of puts) if (now - at > KEEP_MS) puts.delete(k);
    for (const [k, at] of deletes) if (now - at > KEEP_MS) deletes.delete(k);
  };
  return {
    put: (codeHash, at) => {
      puts.set(codeHash, at);
    },
    deleted: (codeId, at) => {
      deletes.set(codeId, at);
    },
    guard(rows, startedAt, now) {
      prune(now);
      if (puts.size === 0 && deletes.size === 0) return rows;
      return {
        ...rows,
        dropCodes: rows.dropCodes.filter((h) => (puts.get(h) ?? -Infinity) < startedAt),
        putCodes: rows.putCodes.filter((c) => (deletes.get(c.codeId) ?? -Infinity) < startedAt),
      };
    },
  };
};
