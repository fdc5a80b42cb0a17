import type { Clock } from '../ports/clock';
import type { KioskStore } from '../ports/store';

const KEY = 'cache.refreshedAt';

/**
 * How stale the stored refresh time may get before a refresh that changed nothing writes it anyway. A refresh
 * that wrote rows stores its time with them (same commit, no extra cost); one that changed nothing would otherwise
 * be a commit (an fsync) every few minutes for one meta row. The stored time exists for the next start only (a warm
 * cache serves at once) and may lag by up to this much: after a restart the cache looks up to 10 minutes older
 * than it is, never younger, so the offline rule (`offline.maxCacheAgeSeconds`) errs toward refusing. At the
 * default 5-minute polling that is one meta write every other unchanged refresh; with the live link up, once an
 * hour.
 */
export const PERSIST_REFRESH_TIME_AFTER_MS = 10 * 60_000;

export type RefreshTime = {
  /** The time to store with a refresh at `at`, or null to leave the stored one as it is. */
  toStore(at: number, rowsChanged: boolean): number | null;
  /** A full refresh succeeded at `at`. */
  mark(at: number): void;
  /** Milliseconds since the last full refresh, this run's or (before one) the stored one's; null: never. */
  age(): number | null;
};

/** The last refresh time: kept in memory, where `age()` reads it, and stored only now and then. */
export const createRefreshTime = (store: KioskStore, clock: Clock): RefreshTime => {
  let last: number | null = null;
  const stored = (): number | null => {
    const at = store.getMeta(KEY);
    return at === null ? null : Number(at);
  };
  return {
    toStore(at, rowsChanged) {
      if (rowsChanged) return at;
      const before = stored();
      return before === null || at - before >= PERSIST_REFRESH_TIME_AFTER_MS ? at : null;
    },
    mark(at) {
      last = at;
    },
    age() {
      const at = last ?? stored();
      return at === null ? null : clock.now() - at;
    },
  };
};
