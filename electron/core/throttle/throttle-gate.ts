import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';
import { createPersistedThrottle } from './persisted-throttle';
import type { StateCell } from './state-cell';
import type { ThrottleSettings } from './throttle';
import { clearBurst, triesLeft } from './throttle';

/** The customer keypad's throttle, kept in the store so a restart neither reopens a lockout nor refills a budget. */
export type ThrottleGate = {
  remainingMs(): number;
  lockedUntil(): number | null;
  /**
   * Counts a wrong code; `key` is its salted hash, so typing the same wrong code again right after is not a
   * second guess. Returns the lockout length in ms when this code started or lengthened one.
   */
  wrong(key: string): number | null;
  /** Wrong codes still allowed before entry locks (see `triesLeft` in throttle.ts). */
  triesLeft(): number;
  good(): void;
};

const key = 'throttle.state';

const metaCell = (store: KioskStore): StateCell => ({
  read: () => store.getMeta(key),
  write(value) {
    store.setMeta(key, value);
  },
});

export const createThrottleGate = (
  store: KioskStore,
  clock: Clock,
  logger: Logger,
  settings: ThrottleSettings,
): ThrottleGate => {
  const throttle = createPersistedThrottle(metaCell(store), clock, settings, (why) => {
    logger.error('entry.throttle-state-unreadable', { why });
  });
  return {
    remainingMs: () => throttle.remainingMs(),
    lockedUntil: () => {
      const until = throttle.current().lockedUntil;
      return until !== null && until > clock.now() ? until : null;
    },
    wrong(codeHash) {
      const now = clock.now();
      const { lockout, state } = store.transaction(() => {
        const result = throttle.miss(codeHash);
        if (result.lockout !== null)
          store.audit(
            'entry.locked-out',
            { seconds: result.lockout.ms / 1000, reason: result.lockout.reason, level: result.state.level },
            now,
          );
        return result;
      });
      if (lockout === null) return null;
      logger.warn('entry.locked-out', {
        seconds: lockout.ms / 1000,
        reason: lockout.reason,
        level: state.level,
      });
      return lockout.ms;
    },
    triesLeft: () => triesLeft(throttle.current(), clock.now(), settings),
    good() {
      throttle.settle((state, now) => clearBurst(state, now, settings));
    },
  };
};
