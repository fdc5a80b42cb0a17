import type { Cancel, Clock } from '../../core/ports/clock';

type Timer = { at: number; seq: number; fn: () => void };

export type VirtualClock = {
  readonly clock: Clock;
  /** Fires every timer due by `target`, in time order, then stands at `target`. */
  readonly advanceTo: (target: number) => void;
  /** When the next timer is due; null when none is set. */
  readonly nextDue: () => number | null;
};

/** Time that only moves when a replay says so: a dump's minutes are played back in milliseconds. */
export const createVirtualClock = (start: number): VirtualClock => {
  let now = start;
  let seq = 0;
  let timers: Timer[] = [];
  const earliest = (): Timer | undefined => [...timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
  const clock: Clock = {
    now: () => now,
    setTimer(ms, fn): Cancel {
      const timer = { at: now + Math.max(0, ms), seq: seq++, fn };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
  };
  return {
    clock,
    advanceTo: (target) => {
      for (;;) {
        const next = earliest();
        if (!next || next.at > target) break;
        timers = timers.filter((t) => t !== next);
        now = Math.max(now, next.at);
        next.fn();
      }
      now = Math.max(now, target);
    },
    nextDue: () => earliest()?.at ?? null,
  };
};
