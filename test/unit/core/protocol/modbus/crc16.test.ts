import { describe, expect, it } from 'vitest';
import { crc16Modbus, hasValidCrc, withCrc } from '../../../../../electron/core/protocol/modbus/crc16';
import { fromHex, toHex } from '../../../../../electron/core/protocol/modbus/hex';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('CRC-16/MODBUS', () => {
  it('gives the catalogue check value 0x4B37 for "123456789"', () => {
    expect(crc16Modbus(ascii('123456789'))).toBe(0x4b37);
  });

  it('starts from 0xFFFF (the CRC of nothing)', () => {
    expect(crc16Modbus(new Uint8Array(0))).toBe(0xffff);
  });

  it('appends the CRC low byte first, as in the Modbus spec example read request', () => {
    // Read one holding register at 0 from slave 1: the textbook frame ends 84 0A.
    expect(toHex(withCrc([0x01, 0x03, 0x00, 0x00, 0x00, 0x01]))).toBe('01 03 00 00 00 01 84 0a');
  });

  it('accepts a frame with its own CRC and rejects any single flipped bit', () => {
    const frame = withCrc([0x01, 0x03, 0x02, 0x02, 0x00]);
    expect(hasValidCrc(frame)).toBe(true);
    for (let i = 0; i < frame.length * 8; i++) {
      const bad = frame.slice();
      bad[i >> 3] = (bad[i >> 3] ?? 0) ^ (1 << (i & 7));
      expect(hasValidCrc(bad)).toBe(false);
    }
  });

  it('checks a window of a longer buffer and refuses windows too short to be a frame', () => {
    const frame = withCrc([0x02, 0x06, 0x10, 0x02, 0x00, 0x01]);
    const buf = new Uint8Array([0xaa, ...frame, 0xbb]);
    expect(hasValidCrc(buf, 1, 1 + frame.length)).toBe(true);
    expect(hasValidCrc(buf)).toBe(false);
    expect(hasValidCrc(new Uint8Array([0xff, 0xff, 0xff]))).toBe(false);
  });
});

describe('hex helpers', () => {
  it('round-trips bytes and refuses odd or non-hex text', () => {
    expect(toHex(fromHex('01 0a ff') ?? new Uint8Array())).toBe('01 0a ff');
    expect(toHex(fromHex('010AFF') ?? new Uint8Array())).toBe('01 0a ff');
    expect(fromHex('01 0')).toBeNull();
    expect(fromHex('zz')).toBeNull();
  });
});
