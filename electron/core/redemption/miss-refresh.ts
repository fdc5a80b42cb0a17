import type { CodeCache } from '../cache/code-cache';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';

export type MissRefreshAnswer = {
  /** This miss started a refresh, now running behind the customer: the code may be newer than the cache. */
  readonly started: boolean;
  /** The last refresh a miss started could not reach the cloud, and none has succeeded since. */
  readonly unreachable: boolean;
};

export type MissRefresh = {
  /** Called on a cache miss; never waits: the answer is the cache's, a refresh (if allowed) runs behind it. */
  afterMiss(codeHash: string): MissRefreshAnswer;
};

/**
 * At most one cache refresh per `intervalMs` is started by misses, however many arrive and whether or not
 * the cloud answers, and no customer waits for it: a typo is answered from the cache at once (a full refresh of
 * 500 products takes seconds). The miss that starts one is told so, so the screen can say "checking, try again
 * in a moment" for a code issued since the last refresh; the same code typed again after it is found, and the
 * throttle counts a repeated code once. A cache refreshed less than `intervalMs` ago (by the background loop,
 * say) is not refreshed again. Kept in memory: a restart allows one more, at the price of a full boot.
 */
/** Codes whose last miss is remembered; a guesser's stream of distinct codes only pushes the oldest out. */
const RECENT_MISSES = 256;

export const createMissRefresh = (
  cache: CodeCache,
  clock: Clock,
  logger: Logger,
  intervalMsNow: () => number,
): MissRefresh => {
  let lastAskedAt: number | null = null;
  let lastFailed = false;
  // When each recently missed code was last missed: one the cache has been refreshed since is simply unknown,
  // so a typo gets "checking" once and then a plain answer, even where every miss may refresh (the demo).
  const missedAt = new Map<string, number>();
  return {
    afterMiss(codeHash) {
      const now = clock.now();
      const intervalMs = intervalMsNow();
      const age = cache.age();
      const before = missedAt.get(codeHash);
      missedAt.delete(codeHash);
      missedAt.set(codeHash, now);
      if (missedAt.size > RECENT_MISSES) missedAt.delete(missedAt.keys().next().value ?? '');
      if (age !== null && age <= intervalMs) return { started: false, unreachable: false };
      if (before !== undefined && age !== null && now - age >= before)
        return { started: false, unreachable: false };
      if (lastAskedAt !== null && now - lastAskedAt < intervalMs)
        return { started: false, unreachable: lastFailed };
      lastAskedAt = now;
      const failedBefore = lastFailed;
      cache.refresh().then(
        (result) => {
          lastFailed = !result.ok;
        },
        (e: unknown) => {
          // Only a journal closing under it (the kiosk stopping) gets here; the next miss tries again.
          lastFailed = true;
          logger.warn('cache.miss-refresh-failed', { message: e instanceof Error ? e.message : String(e) });
        },
      );
      return { started: true, unreachable: failedBefore };
    },
  };
};
