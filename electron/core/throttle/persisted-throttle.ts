import type { Clock } from '../ports/clock';
import type { StateCell } from './state-cell';
import type { MissResult, ThrottleSettings, ThrottleState } from './throttle';
import { failClosed, lockoutRemaining, recordMiss } from './throttle';
import { decodeThrottleState, encodeThrottleState } from './throttle-state-codec';

/**
 * The throttle's rules over a durable cell. The state is read once and then served from memory; every change
 * is written before the call returns (so before the answer that depends on it), and nothing is written when
 * nothing changed.
 */
export type PersistedThrottle = {
  current(): ThrottleState;
  remainingMs(): number;
  /** Counts a miss; `key` names what was tried, so the same wrong input twice in a row counts once. */
  miss(key?: string | null): MissResult;
  /** Applies a change such as a success; writes only when the state really changed. */
  settle(change: (state: ThrottleState, now: number) => ThrottleState): void;
};

export const createPersistedThrottle = (
  cell: StateCell,
  clock: Clock,
  settings: ThrottleSettings,
  onUnreadable: (why: string) => void,
): PersistedThrottle => {
  let saved: string | null = null;
  const load = (): ThrottleState => {
    let raw: string | null;
    try {
      raw = cell.read();
    } catch (e) {
      onUnreadable(e instanceof Error ? e.name : 'read failed');
      return failClosed(clock.now(), settings);
    }
    const decoded = decodeThrottleState(raw);
    if (decoded === null) {
      onUnreadable('not a throttle state');
      return failClosed(clock.now(), settings);
    }
    saved = raw;
    return decoded;
  };
  let state = load();

  const save = (next: ThrottleState): void => {
    if (next === state) return;
    const text = encodeThrottleState(next);
    if (text !== saved) {
      cell.write(text);
      saved = text;
    }
    state = next;
  };

  return {
    current: () => state,
    remainingMs: () => lockoutRemaining(state, clock.now()),
    miss(key = null) {
      const result = recordMiss(state, clock.now(), settings, key);
      save(result.state);
      return result;
    },
    settle(change) {
      save(change(state, clock.now()));
    },
  };
};
