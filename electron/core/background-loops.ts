import type { Cancel, Clock } from './ports/clock';
import type { Logger } from './ports/logger';

export type BackgroundLoops = {
  /** Runs `task` every `ms` after the previous round ended; a round that throws or rejects is logged, not fatal. */
  every(name: string, ms: number, task: () => unknown): void;
  /** Cancels every pending round; none starts afterwards. */
  stopAll(): void;
};

/**
 * The core's background loops: one pending timer per loop (replaced on each round, so nothing accumulates over
 * months of uptime), a failed round logged rather than left as an unhandled rejection or an uncaught throw in a
 * timer, no round after stopAll().
 */
export const createBackgroundLoops = (clock: Clock, logger: Logger): BackgroundLoops => {
  const cancels: Cancel[] = [];
  let stopped = false;
  // Read through a call: stopAll() flips it between rounds, which flow analysis cannot see.
  const isStopped = (): boolean => stopped;
  return {
    every(name, ms, task) {
      let cancel: Cancel = () => undefined;
      const tick = (): void => {
        if (isStopped()) return;
        cancel = clock.setTimer(ms, () => {
          // Through a promise, so a task that throws synchronously is caught like one that rejects.
          void Promise.resolve()
            .then(task)
            .catch((e: unknown) => {
              logger.error('core.loop-failed', {
                loop: name,
                error: e instanceof Error ? e.name : 'non-error',
              });
            })
            .finally(tick);
        });
      };
      cancels.push(() => {
        cancel();
      });
      tick();
    },
    stopAll() {
      stopped = true;
      cancels.splice(0).forEach((cancel) => {
        cancel();
      });
    },
  };
};
