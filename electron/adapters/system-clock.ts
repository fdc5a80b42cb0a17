import type { Clock } from '../core/ports/clock';

/**
 * The real clock. Timers keep the process alive on purpose: a dispense waiting on a poll interval must not
 * let a CLI command exit under it. Whoever starts long-lived loops stops them (core.stop()).
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const handle = setTimeout(fn, ms);
    return () => {
      clearTimeout(handle);
    };
  },
};
