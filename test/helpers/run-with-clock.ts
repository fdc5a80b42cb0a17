import type { ManualClock } from '../fakes/manual-clock';

/**
 * Advances a manual clock in small steps until the promise settles, so driver and simulator timers
 * (reply delays, motor time, polling, timeouts) all run without the test sleeping.
 */
export const runWithClock = async <T>(
  clock: ManualClock,
  promise: Promise<T>,
  stepMs = 5,
  maxMs = 300_000,
): Promise<T> => {
  const state = { settled: false };
  const watched = promise.finally(() => {
    state.settled = true;
  });
  for (let elapsed = 0; !state.settled; elapsed += stepMs) {
    if (elapsed > maxMs) throw new Error(`promise still pending after ${maxMs} ms of clock time`);
    await clock.advance(stepMs);
  }
  return watched;
};
