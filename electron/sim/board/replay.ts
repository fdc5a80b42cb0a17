import type { RecordedFrame } from '../../core/board/recorder';
import type { Cancel, Clock } from '../../core/ports/clock';
import { toHex } from '../../core/protocol/modbus/hex';
import type { SimEvent } from './board-sim';
import { createBoardSim } from './board-sim';
import type { SimConfig } from './config';
import { createMemoryLedger } from './ledger';

type Timer = { at: number; seq: number; fn: () => void };

/** Time that only moves when the replay says so; the simulator runs synchronously on it. */
const createVirtualClock = (start: number) => {
  let now = start;
  let seq = 0;
  let timers: Timer[] = [];
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
  const advanceTo = (target: number): void => {
    for (;;) {
      const next = timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      timers = timers.filter((t) => t !== next);
      now = Math.max(now, next.at);
      next.fn();
    }
    now = Math.max(now, target);
  };
  return { clock, advanceTo };
};

export type ReplayedReply = { readonly at: number; readonly hex: string };
export type ReplayResult = { readonly replies: ReplayedReply[]; readonly events: SimEvent[] };

/**
 * Feeds the kiosk's side of a black-box dump (`tx` entries, at their recorded times) to a fresh simulator
 * and returns how the reference board answers. Set next to the dump's own `rx` entries, it shows whether a
 * field fault was the board's doing or the line's.
 */
export const replayRecording = (entries: readonly RecordedFrame[], config: SimConfig): ReplayResult => {
  const sent = entries.filter((e) => e.dir === 'tx');
  const { clock, advanceTo } = createVirtualClock(sent[0]?.at ?? 0);
  const sim = createBoardSim({ config, clock, ledger: createMemoryLedger() });
  const replies: ReplayedReply[] = [];
  const events: SimEvent[] = [];
  sim.onTransmit((bytes) => replies.push({ at: clock.now(), hex: toHex(bytes) }));
  sim.onEvent((e) => events.push(e));
  for (const entry of sent) {
    advanceTo(entry.at);
    sim.receive(entry.bytes);
  }
  // Let the last motor run out so its drop (or fault) is part of the answer.
  advanceTo(clock.now() + config.motorTimeoutMs + 1);
  sim.close();
  return { replies, events };
};
