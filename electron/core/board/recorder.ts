import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import { fromHex, toHex } from '../protocol/modbus/hex';

/** Direction as seen from the kiosk: `tx` went to the board, `rx` came from the line. */
export type FrameDirection = 'tx' | 'rx';
export type RecordedFrame = { readonly at: number; readonly dir: FrameDirection; readonly bytes: Uint8Array };

/**
 * The black box: the last N raw chunks on the wire, kept in memory so a field fault can be dumped and
 * replayed. Received bytes are kept as they arrived (garbage included), not as parsed frames, because
 * the garbage is often the clue.
 */
export interface FrameRecorder {
  record(dir: FrameDirection, bytes: Uint8Array, at: number): void;
  /** Oldest first. */
  entries(): RecordedFrame[];
  clear(): void;
}

export const createFrameRecorder = (capacity = 2000): FrameRecorder => {
  const size = Math.max(1, Math.floor(capacity));
  const ring: (RecordedFrame | undefined)[] = new Array<RecordedFrame | undefined>(size);
  let next = 0;
  let count = 0;
  return {
    record(dir, bytes, at) {
      ring[next] = { at, dir, bytes: bytes.slice() };
      next = (next + 1) % size;
      count = Math.min(count + 1, size);
    },
    entries() {
      const out: RecordedFrame[] = [];
      for (let i = 0; i < count; i++) {
        const entry = ring[(next - count + i + size) % size];
        if (entry) out.push(entry);
      }
      return out;
    },
    clear() {
      ring.fill(undefined);
      next = 0;
      count = 0;
    },
  };
};

/** One JSON object per line: `{"at":1767225600000,"dir":"tx","hex":"01 03 00 03 00 01 74 0a"}`. */
export const serializeRecording = (entries: readonly RecordedFrame[]): string =>
  entries.map((e) => JSON.stringify({ at: e.at, dir: e.dir, hex: toHex(e.bytes) })).join('\n') +
  (entries.length ? '\n' : '');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Reads a dump back; a malformed line is an error naming the line, never a silently shorter replay. */
export const parseRecording = (text: string): Result<RecordedFrame[], string> => {
  const out: RecordedFrame[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return err(`line ${index + 1}: not JSON`);
    }
    if (!isRecord(value)) return err(`line ${index + 1}: not an object`);
    const { at, dir, hex } = value;
    const bytes = typeof hex === 'string' ? fromHex(hex) : null;
    if (typeof at !== 'number' || (dir !== 'tx' && dir !== 'rx') || !bytes) {
      return err(`line ${index + 1}: needs numeric "at", "dir" tx|rx and hex bytes`);
    }
    out.push({ at, dir, bytes });
  }
  return ok(out);
};
