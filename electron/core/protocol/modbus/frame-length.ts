import { EXCEPTION_FLAG, FN_READ_HOLDING, FN_WRITE_MULTIPLE, FN_WRITE_SINGLE } from './constants';

/**
 * How long the frame starting at `buf[start]` must be, judged from its header alone:
 * a byte count, `'more'` when the header is not complete yet, `'invalid'` when no frame can start here.
 * Replies and requests differ (a read request is 8 bytes, its reply carries a byte count), so the
 * kiosk and the simulator each pass their own rule to the same parser.
 */
export type FrameLength = number | 'more' | 'invalid';
export type FrameLengthRule = (buf: Uint8Array, start: number, end: number) => FrameLength;

const MAX_READ_BYTES = 250;
const knownFunctions = new Set([FN_READ_HOLDING, FN_WRITE_SINGLE, FN_WRITE_MULTIPLE]);
const isUnicast = (addr: number): boolean => addr >= 1 && addr <= 247;

/** Frames a board sends back: read replies, write echoes and exception replies. */
export const replyFrameLength: FrameLengthRule = (buf, start, end) => {
  if (end - start < 2) return end > start && !isUnicast(buf[start] ?? 0) ? 'invalid' : 'more';
  const addr = buf[start] ?? 0;
  const fn = buf[start + 1] ?? 0;
  if (!isUnicast(addr)) return 'invalid';
  if (fn & EXCEPTION_FLAG) return knownFunctions.has(fn & ~EXCEPTION_FLAG) ? 5 : 'invalid';
  if (fn === FN_WRITE_SINGLE || fn === FN_WRITE_MULTIPLE) return 8;
  if (fn !== FN_READ_HOLDING) return 'invalid';
  if (end - start < 3) return 'more';
  const count = buf[start + 2] ?? 0;
  return count === 0 || count % 2 !== 0 || count > MAX_READ_BYTES ? 'invalid' : 5 + count;
};

/** Frames the kiosk sends: read requests, single writes and multiple writes (with their byte count). */
export const requestFrameLength: FrameLengthRule = (buf, start, end) => {
  if (end - start < 2) return end > start && (buf[start] ?? 0) > 247 ? 'invalid' : 'more';
  if ((buf[start] ?? 0) > 247) return 'invalid';
  const fn = buf[start + 1] ?? 0;
  if (fn === FN_READ_HOLDING || fn === FN_WRITE_SINGLE) return 8;
  if (fn !== FN_WRITE_MULTIPLE) return 'invalid';
  if (end - start < 7) return 'more';
  const count = buf[start + 6] ?? 0;
  return count === 0 || count > 246 ? 'invalid' : 9 + count;
};
