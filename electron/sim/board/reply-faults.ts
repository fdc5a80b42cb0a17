import { withCrc } from '../../core/protocol/modbus/crc16';
import type { SimFault } from './config';

/** Small deterministic generator (mulberry32): the same seed gives the same garbage, so failures repeat. */
export const createRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * Applies a reply fault to an otherwise correct reply. Null means nothing goes on the wire. The board
 * has already acted on the request: these faults corrupt only what the kiosk hears.
 */
export const applyReplyFault = (
  reply: Uint8Array,
  fault: SimFault | null,
  random: () => number,
): Uint8Array | null => {
  if (!fault) return reply;
  switch (fault.kind) {
    case 'lost-reply':
      return null;
    case 'corrupt-crc': {
      const bad = reply.slice();
      bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0x5a;
      return bad;
    }
    case 'wrong-address': {
      // A well-formed frame with a valid CRC, just from a board the kiosk did not ask.
      const body = reply.slice(0, reply.length - 2);
      body[0] = ((body[0] ?? 1) % 8) + 1;
      return withCrc(body);
    }
    case 'garbage': {
      const noise = Array.from({ length: 3 + Math.floor(random() * 6) }, () => Math.floor(random() * 256));
      const out = new Uint8Array(noise.length + reply.length);
      out.set(noise);
      out.set(reply, noise.length);
      return out;
    }
    default:
      return reply;
  }
};
