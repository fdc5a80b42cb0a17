import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';
import type { ThrottleSettings, ThrottleState } from './throttle';
import { initialThrottle, lockoutRemaining, recordGoodCode, recordWrongCode } from './throttle';

/** The throttle with its state kept in the store, so a restart does not reopen a locked keypad. */
export type ThrottleGate = {
  remainingMs(): number;
  lockedUntil(): number | null;
  /** Returns the lockout length in ms when this wrong code started one. */
  wrong(): number | null;
  good(): void;
};

const key = 'throttle.state';

export const createThrottleGate = (
  store: KioskStore,
  clock: Clock,
  logger: Logger,
  settings: ThrottleSettings,
): ThrottleGate => {
  const load = (): ThrottleState => {
    const raw = store.getMeta(key);
    return raw === null ? initialThrottle : (JSON.parse(raw) as ThrottleState);
  };
  const save = (s: ThrottleState): void => {
    store.setMeta(key, JSON.stringify(s));
  };
  return {
    remainingMs: () => lockoutRemaining(load(), clock.now()),
    lockedUntil: () => {
      const until = load().lockedUntil;
      return until !== null && until > clock.now() ? until : null;
    },
    wrong() {
      const now = clock.now();
      const { state, lockedOutFor } = recordWrongCode(load(), now, settings);
      store.transaction(() => {
        save(state);
        if (lockedOutFor !== null)
          store.audit('entry.locked-out', { seconds: lockedOutFor / 1000, level: state.level }, now);
      });
      if (lockedOutFor !== null)
        logger.warn('entry.locked-out', { seconds: lockedOutFor / 1000, level: state.level });
      return lockedOutFor;
    },
    good() {
      save(recordGoodCode(load()));
    },
  };
};
