import { describe, expect, it } from 'vitest';
import { withCrc } from '../../../../../electron/core/protocol/modbus/crc16';
import {
  replyFrameLength,
  requestFrameLength,
} from '../../../../../electron/core/protocol/modbus/frame-length';
import { createFrameParser } from '../../../../../electron/core/protocol/modbus/frame-parser';
import { toHex } from '../../../../../electron/core/protocol/modbus/hex';
import {
  exceptionReply,
  shipmentStatusReply,
} from '../../../../../electron/core/protocol/modbus/reply-encoder';
import { dispenseCommand, readShipmentStatus } from '../../../../../electron/core/protocol/modbus/requests';

const replies = (opts: { acceptAddress?: (a: number) => boolean } = {}) =>
  createFrameParser({ frameLength: replyFrameLength, silenceMs: 5, ...opts });
const hexes = (frames: { bytes: Uint8Array }[]): string[] => frames.map((f) => toHex(f.bytes));

describe('frame parser', () => {
  const done = shipmentStatusReply(1, 2, 0);

  it('cuts a reply by its byte count, however the bytes are chunked', () => {
    for (let split = 1; split < done.length; split++) {
      const p = replies();
      expect(p.push(done.slice(0, split), 0).frames).toEqual([]);
      expect(p.pending()).toBe(split);
      expect(hexes(p.push(done.slice(split), 1).frames)).toEqual([toHex(done)]);
    }
  });

  it('reports two frames that arrive in one chunk', () => {
    const exc = exceptionReply(2, 0x10, 6);
    const out = replies().push(Uint8Array.from([...done, ...exc]), 0);
    expect(hexes(out.frames)).toEqual([toHex(done), toHex(exc)]);
    expect(out.discards).toEqual([]);
  });

  it('skips garbage before a frame and says so', () => {
    const out = replies().push(Uint8Array.from([0x00, 0xff, 0x42, ...done]), 0);
    expect(hexes(out.frames)).toEqual([toHex(done)]);
    expect(out.discards.map((d) => [d.reason, toHex(d.bytes)])).toEqual([['garbage', '00 ff 42']]);
  });

  it('drops a frame with a bad CRC and resyncs on the next good one', () => {
    const bad = done.slice();
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0xff;
    const out = replies().push(Uint8Array.from([...bad, ...done]), 0);
    expect(hexes(out.frames)).toEqual([toHex(done)]);
    expect(out.discards[0]?.reason).toBe('bad-crc');
  });

  it('treats a frame cut short by silence as truncated, then reads the next frame', () => {
    const p = replies();
    p.push(done.slice(0, 4), 0);
    const out = p.push(done, 100);
    expect(out.discards.map((d) => [d.reason, toHex(d.bytes)])).toEqual([
      ['truncated', toHex(done.slice(0, 4))],
    ]);
    expect(hexes(out.frames)).toEqual([toHex(done)]);
  });

  it('keeps a split frame together when the gap is within the silence limit', () => {
    const p = replies();
    p.push(done.slice(0, 4), 0);
    expect(hexes(p.push(done.slice(4), 5).frames)).toEqual([toHex(done)]);
  });

  it('flush finds a complete frame hidden behind a header that promised more bytes', () => {
    const p = replies();
    // 01 03 fa claims 250 data bytes: the parser waits, until silence says no more are coming.
    expect(p.push(Uint8Array.from([0x01, 0x03, 0xfa, ...done]), 0).frames).toEqual([]);
    const out = p.flush(50);
    expect(hexes(out.frames)).toEqual([toHex(done)]);
    expect(out.discards.map((d) => d.reason)).toEqual(['truncated']);
    expect(p.pending()).toBe(0);
  });

  it('discards a valid frame from an address it was told to ignore, whole', () => {
    const other = shipmentStatusReply(5, 2, 0);
    const out = replies({ acceptAddress: (a) => a !== 5 }).push(Uint8Array.from([...other, ...done]), 0);
    expect(hexes(out.frames)).toEqual([toHex(done)]);
    expect(out.discards.map((d) => [d.reason, toHex(d.bytes)])).toEqual([['other-address', toHex(other)]]);
  });

  it('never accepts address 0 or unknown functions as a reply', () => {
    const out = replies().push(withCrc([0, 3, 2, 2, 0]), 0);
    expect(out.frames).toEqual([]);
    expect(replies().push(withCrc([1, 0x2b, 2, 2, 0]), 0).frames).toEqual([]);
  });

  it('frames requests by the request rule (the simulator side)', () => {
    const p = createFrameParser({ frameLength: requestFrameLength, silenceMs: 5 });
    const cmd = dispenseCommand(1, { slot: 7, type: 1, check: true, lift: false }).frame;
    const read = readShipmentStatus(1).frame;
    const out = p.push(Uint8Array.from([0xfe, ...cmd, ...read]), 0);
    expect(hexes(out.frames)).toEqual([toHex(cmd), toHex(read)]);
    expect(out.discards.map((d) => d.reason)).toEqual(['garbage']);
  });
});
