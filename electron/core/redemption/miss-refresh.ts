import type { CodeCache } from '../cache/code-cache';
import type { Clock } from '../ports/clock';

export type MissRefreshAnswer = {
  /** A refresh ran for this miss and succeeded: look the code up again. */
  readonly refreshed: boolean;
  /** The last refresh a miss asked for could not reach the cloud, and none has succeeded since. */
  readonly unreachable: boolean;
};

export type MissRefresh = {
  /** Called on a cache miss; waits for a refresh only when this miss is the first one allowed to ask. */
  afterMiss(): Promise<MissRefreshAnswer>;
};

/**
 * At most one cache refresh per `intervalMs` is started by misses, however many arrive and whether or not
 * the cloud answers. The first miss of an interval waits for its refresh, so a code issued a moment ago is
 * found on the first try; later misses in the same interval are answered from the cache at once. A guesser
 * typing fast therefore costs the cloud one refresh per interval, not one per guess. A cache refreshed less
 * than `intervalMs` ago (by the background loop, say) is not refreshed again. Kept in memory: a restart
 * allows one more, at the price of a full boot.
 */
export const createMissRefresh = (cache: CodeCache, clock: Clock, intervalMs: number): MissRefresh => {
  let lastAskedAt: number | null = null;
  let lastFailed = false;
  return {
    async afterMiss() {
      const age = cache.age();
      if (age !== null && age <= intervalMs) return { refreshed: false, unreachable: false };
      const now = clock.now();
      if (lastAskedAt !== null && now - lastAskedAt < intervalMs)
        return { refreshed: false, unreachable: lastFailed };
      lastAskedAt = now;
      const result = await cache.refresh();
      lastFailed = !result.ok;
      return { refreshed: result.ok, unreachable: !result.ok };
    },
  };
};
