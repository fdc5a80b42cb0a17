import { hasValidCrc } from './crc16';
import type { FrameLengthRule } from './frame-length';

export type ParsedFrame = { readonly bytes: Uint8Array; readonly at: number };
export type DiscardReason = 'garbage' | 'bad-crc' | 'truncated' | 'other-address';
export type Discard = { readonly bytes: Uint8Array; readonly reason: DiscardReason; readonly at: number };
export type ParseOutput = { readonly frames: ParsedFrame[]; readonly discards: Discard[] };

export type FrameParserOptions = {
  readonly frameLength: FrameLengthRule;
  /** A gap longer than this ends a frame; bytes left unfinished before it are a truncated frame. */
  readonly silenceMs: number;
  /** Frames with a valid CRC from other addresses are discarded whole (not scanned byte by byte). */
  readonly acceptAddress?: (addr: number) => boolean;
};

export interface FrameParser {
  /** Feeds bytes received at time `at` (the caller's clock: the parser never reads time itself). */
  push(chunk: Uint8Array, at: number): ParseOutput;
  /** The line has been silent until `at`: anything buffered is finished or truncated. */
  flush(at: number): ParseOutput;
  /** Bytes held while waiting for the rest of a frame. */
  pending(): number;
}

/**
 * Streaming Modbus RTU framer. A frame is cut by its expected length and must carry a valid CRC; anything
 * else is skipped one byte at a time until a valid frame starts (resync). Every frame it reports is a
 * contiguous run of received bytes with a correct checksum, so it cannot invent a reply.
 */
export const createFrameParser = (options: FrameParserOptions): FrameParser => {
  let buf = new Uint8Array(0);
  let lastAt: number | null = null;

  const scan = (final: boolean, at: number): ParseOutput => {
    const frames: ParsedFrame[] = [];
    const discards: Discard[] = [];
    let skipFrom = -1;
    let skipReason: DiscardReason = 'garbage';
    const skip = (i: number, reason: DiscardReason): void => {
      if (skipFrom === -1) {
        skipFrom = i;
        skipReason = reason;
      }
    };
    const endSkip = (i: number): void => {
      if (skipFrom === -1) return;
      discards.push({ bytes: buf.slice(skipFrom, i), reason: skipReason, at });
      skipFrom = -1;
    };
    let i = 0;
    while (i < buf.length) {
      const length = options.frameLength(buf, i, buf.length);
      if (length === 'invalid') {
        skip(i++, 'garbage');
        continue;
      }
      if (length === 'more' || i + length > buf.length) {
        if (!final) break;
        skip(i++, 'truncated');
        continue;
      }
      if (!hasValidCrc(buf, i, i + length)) {
        skip(i++, 'bad-crc');
        continue;
      }
      endSkip(i);
      const bytes = buf.slice(i, i + length);
      const accepted = options.acceptAddress?.(bytes[0] ?? 0) ?? true;
      if (accepted) frames.push({ bytes, at });
      else discards.push({ bytes, reason: 'other-address', at });
      i += length;
    }
    endSkip(i);
    buf = buf.slice(i);
    return { frames, discards };
  };

  const merge = (a: ParseOutput, b: ParseOutput): ParseOutput => ({
    frames: [...a.frames, ...b.frames],
    discards: [...a.discards, ...b.discards],
  });

  return {
    push(chunk, at) {
      const stale = lastAt !== null && buf.length > 0 && at - lastAt > options.silenceMs;
      const before = stale ? scan(true, at) : { frames: [], discards: [] };
      const next = new Uint8Array(buf.length + chunk.length);
      next.set(buf);
      next.set(chunk, buf.length);
      buf = next;
      lastAt = at;
      return merge(before, scan(false, at));
    },
    flush(at) {
      return buf.length === 0 ? { frames: [], discards: [] } : scan(true, at);
    },
    pending: () => buf.length,
  };
};
