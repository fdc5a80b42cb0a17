import type { RecordedFrame } from '../../core/board/recorder';
import { toHex } from '../../core/protocol/modbus/hex';
import type { SimEvent } from './board-sim';
import { createBoardSim } from './board-sim';
import type { SimConfig } from './config';
import { createMemoryLedger } from './ledger';
import { createVirtualClock } from './virtual-clock';

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
