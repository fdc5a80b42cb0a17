import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidCrc } from '../../../../../electron/core/protocol/modbus/crc16';
import { replyFrameLength } from '../../../../../electron/core/protocol/modbus/frame-length';
import type { ParseOutput } from '../../../../../electron/core/protocol/modbus/frame-parser';
import { createFrameParser } from '../../../../../electron/core/protocol/modbus/frame-parser';
import { toHex } from '../../../../../electron/core/protocol/modbus/hex';
import { decodeShipmentStatus, parseReply } from '../../../../../electron/core/protocol/modbus/replies';
import {
  exceptionReply,
  readReply,
  shipmentStatusReply,
} from '../../../../../electron/core/protocol/modbus/reply-encoder';

const SILENCE = 5;
const bytes = (max: number) => fc.uint8Array({ minLength: 0, maxLength: max });
/** Replies a board may send that are NOT a successful shipment: idle, busy, fault, exceptions, other reads. */
const nonSuccessReply = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.constantFrom(0, 1, 3), fc.integer({ min: 0, max: 255 }))
    .map(([a, r, f]) => shipmentStatusReply(a, r, f)),
  fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.constantFrom(0x03, 0x06, 0x10), fc.integer({ min: 1, max: 8 }))
    .map(([a, fn, c]) => exceptionReply(a, fn, c)),
  fc
    .tuple(
      fc.integer({ min: 1, max: 8 }),
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }),
    )
    .map(([a, d]) => readReply(a, d)),
);
/** "Done" replies that must never count: a damaged CRC, or cut short. */
const spoiledDone = fc
  .tuple(
    fc.integer({ min: 1, max: 8 }),
    fc.integer({ min: 1, max: 255 }),
    fc.integer({ min: 0, max: 6 }),
    fc.boolean(),
  )
  .map(([a, mask, cut, truncate]) => {
    const f = shipmentStatusReply(a, 2, 0);
    if (truncate) return f.slice(0, cut);
    const at = f.length - 1 - (cut % 2);
    f[at] = (f[at] ?? 0) ^ mask;
    return f;
  });
/** Cuts a stream into chunks, each with the time it arrived (some gaps longer than the silence). */
const chunked = (stream: Uint8Array, maxGap = SILENCE * 3) =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: maxGap })), {
      minLength: 1,
      maxLength: 40,
    })
    .map((cuts) => {
      const out: { chunk: Uint8Array; at: number }[] = [];
      let pos = 0;
      let at = 0;
      for (const [len, gap] of cuts) {
        if (pos >= stream.length) break;
        at += gap;
        out.push({ chunk: stream.slice(pos, pos + len), at });
        pos += len;
      }
      if (pos < stream.length) out.push({ chunk: stream.slice(pos), at: at + 1 });
      return out;
    });

const run = (chunks: { chunk: Uint8Array; at: number }[]) => {
  const p = createFrameParser({ frameLength: replyFrameLength, silenceMs: SILENCE });
  const outs: ParseOutput[] = chunks.map((c) => p.push(c.chunk, c.at));
  outs.push(p.flush((chunks.at(-1)?.at ?? 0) + SILENCE * 10));
  return {
    frames: outs.flatMap((o) => o.frames),
    discards: outs.flatMap((o) => o.discards),
    pending: p.pending(),
  };
};

const isDone = (frame: Uint8Array): boolean => {
  const reply = parseReply(frame);
  if (reply?.kind !== 'read') return false;
  const status = decodeShipmentStatus(reply.data);
  return status.ok && status.value.runStatus === 'done';
};
/** Every 7-byte window of the wire that is, CRC and all, a complete "done" reply. */
const doneFramesOnWire = (stream: Uint8Array): number => {
  let n = 0;
  for (let i = 0; i + 7 <= stream.length; i++) {
    if (hasValidCrc(stream, i, i + 7) && stream[i + 1] === 0x03 && isDone(stream.slice(i, i + 7))) n++;
  }
  return n;
};

/** A stream of garbage and replies, then some bytes flipped, dropped or duplicated. */
const wire = fc
  .tuple(
    fc.array(fc.oneof(bytes(12), nonSuccessReply, spoiledDone), { maxLength: 12 }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }),
  )
  .map(([parts, flips]) => {
    const stream = Uint8Array.from(parts.flatMap((p) => [...p]));
    for (const [pos, mask] of flips)
      if (stream.length) stream[pos % stream.length] = (stream[pos % stream.length] ?? 0) ^ mask;
    return stream;
  });

describe('frame parser properties', () => {
  it('never throws, accounts for every byte, and only reports CRC-valid runs of received bytes', () => {
    fc.assert(
      fc.property(
        wire.chain((s) => fc.tuple(fc.constant(s), chunked(s))),
        ([stream, chunks]) => {
          const { frames, discards, pending } = run(chunks);
          const total = [...frames, ...discards].reduce((n, f) => n + f.bytes.length, 0) + pending;
          expect(total).toBe(stream.length);
          const wireHex = toHex(stream);
          for (const f of frames) {
            expect(hasValidCrc(f.bytes)).toBe(true);
            expect(wireHex.includes(toHex(f.bytes))).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never reports a successful shipment that was not sent', () => {
    fc.assert(
      fc.property(
        wire.chain((s) => fc.tuple(fc.constant(s), chunked(s))),
        ([stream, chunks]) => {
          const reported = run(chunks).frames.filter((f) => isDone(f.bytes)).length;
          // Random flips can, rarely, rebuild a genuine "done" frame on the wire; only those may come out.
          expect(reported).toBeLessThanOrEqual(doneFramesOnWire(stream));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('recovers every frame, in order, from any chunking of clean frames without a silence inside', () => {
    fc.assert(
      fc.property(
        fc
          .array(nonSuccessReply, { minLength: 1, maxLength: 10 })
          .chain((fs) =>
            fc.tuple(fc.constant(fs), chunked(Uint8Array.from(fs.flatMap((f) => [...f])), SILENCE)),
          ),
        ([sent, chunks]) => {
          expect(run(chunks).frames.map((f) => toHex(f.bytes))).toEqual(sent.map(toHex));
        },
      ),
    );
  });

  it('recovers every frame that follows garbage after a silence', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(bytes(20), nonSuccessReply), { minLength: 1, maxLength: 8 }), (pairs) => {
        const chunks = pairs.flatMap(([junk, frame], i) => [
          { chunk: junk, at: i * 100 },
          { chunk: frame, at: i * 100 + SILENCE + 1 },
        ]);
        const got = run(chunks).frames.map((f) => toHex(f.bytes));
        for (const [, frame] of pairs) expect(got).toContain(toHex(frame));
      }),
    );
  });
});
