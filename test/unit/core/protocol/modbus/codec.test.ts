import { describe, expect, it } from 'vitest';
import { withCrc } from '../../../../../electron/core/protocol/modbus/crc16';
import { toHex } from '../../../../../electron/core/protocol/modbus/hex';
import {
  answers,
  decodeBoxStatus,
  decodeDropSensor,
  decodeHardwareConfig,
  decodeShipmentStatus,
  isExactEcho,
  parseReply,
} from '../../../../../electron/core/protocol/modbus/replies';
import { decodeRequest } from '../../../../../electron/core/protocol/modbus/request-decoder';
import {
  echoReply,
  exceptionReply,
  readReply,
  shipmentStatusReply,
} from '../../../../../electron/core/protocol/modbus/reply-encoder';
import {
  dispenseCommand,
  readBoxStatus,
  readDropSensor,
  readHardwareConfig,
  readShipmentStatus,
  resetLift,
} from '../../../../../electron/core/protocol/modbus/requests';

const body = (frame: Uint8Array): string => toHex(frame.slice(0, -2));

describe('request builders (board-protocol.md table)', () => {
  it.each([
    ['hardware config', readHardwareConfig(1), '01 03 00 01 00 02'],
    ['shipment status', readShipmentStatus(2), '02 03 00 03 00 01'],
    ['box status, count field = slot', readBoxStatus(1, 37), '01 03 00 05 00 25'],
    ['drop sensor', readDropSensor(8), '08 03 00 08 00 01'],
    ['reset lift', resetLift(1), '01 06 10 02 00 01'],
  ])('%s', (_name, req, expected) => {
    expect(body(req.frame)).toBe(expected);
  });

  it('dispense writes two registers: slot, type, drop check, lift', () => {
    const req = dispenseCommand(3, { slot: 42, type: 3, check: true, lift: true });
    expect(body(req.frame)).toBe('03 10 20 01 00 02 04 2a 03 01 01');
    expect(req).toMatchObject({ op: 'dispense', addr: 3, fn: 0x10, register: 0x2001 });
    expect(body(dispenseCommand(1, { slot: 0, type: 1, check: false, lift: false }).frame)).toBe(
      '01 10 20 01 00 02 04 00 01 00 00',
    );
  });

  it('the board side decodes every builder back to the same request', () => {
    expect(decodeRequest(readHardwareConfig(1).frame)).toEqual({ op: 'hardware-config', addr: 1 });
    expect(decodeRequest(readShipmentStatus(4).frame)).toEqual({ op: 'shipment-status', addr: 4 });
    expect(decodeRequest(readBoxStatus(1, 9).frame)).toEqual({ op: 'box-status', addr: 1, slot: 9 });
    expect(decodeRequest(readDropSensor(1).frame)).toEqual({ op: 'drop-sensor', addr: 1 });
    expect(decodeRequest(resetLift(2).frame)).toEqual({ op: 'reset-lift', addr: 2 });
    expect(decodeRequest(dispenseCommand(1, { slot: 99, type: 4, check: false, lift: true }).frame)).toEqual({
      op: 'dispense',
      addr: 1,
      slot: 99,
      type: 4,
      check: false,
      lift: true,
    });
  });

  it('the board refuses unknown functions, registers and counts with the right exception', () => {
    expect(decodeRequest(withCrc([1, 0x04, 0, 3, 0, 1]))).toMatchObject({ op: 'refused', exception: 1 });
    expect(decodeRequest(withCrc([1, 0x03, 0, 0x77, 0, 1]))).toMatchObject({ op: 'refused', exception: 2 });
    expect(decodeRequest(withCrc([1, 0x03, 0, 3, 0, 5]))).toMatchObject({ op: 'refused', exception: 3 });
    expect(decodeRequest(withCrc([1, 0x06, 0x10, 0x02, 0, 7]))).toMatchObject({
      op: 'refused',
      exception: 3,
    });
    expect(decodeRequest(withCrc([1, 0x10, 0x20, 0x01, 0, 1, 2, 5, 1]))).toMatchObject({
      op: 'refused',
      exception: 3,
    });
  });
});

describe('reply parsing', () => {
  it('splits read replies, echoes and exceptions', () => {
    expect(parseReply(readReply(1, [2, 0]))).toEqual({
      kind: 'read',
      addr: 1,
      fn: 3,
      data: Uint8Array.from([2, 0]),
    });
    const cmd = dispenseCommand(1, { slot: 5, type: 1, check: false, lift: false });
    expect(parseReply(echoReply(cmd.frame))).toEqual({
      kind: 'echo',
      addr: 1,
      fn: 0x10,
      register: 0x2001,
      value: 2,
    });
    expect(parseReply(exceptionReply(1, 0x10, 6))).toEqual({ kind: 'exception', addr: 1, fn: 0x10, code: 6 });
    expect(parseReply(withCrc([1, 0x2b, 0]))).toBeNull();
  });

  it('matches a reply to its request by address and function, exceptions included', () => {
    const req = readShipmentStatus(2);
    const reply = (frame: Uint8Array) => parseReply(frame) ?? expect.fail('unparsed');
    expect(answers(req, reply(shipmentStatusReply(2, 0, 0)))).toBe(true);
    expect(answers(req, reply(exceptionReply(2, 0x03, 2)))).toBe(true);
    expect(answers(req, reply(shipmentStatusReply(3, 0, 0)))).toBe(false);
    expect(answers(req, reply(echoReply(resetLift(2).frame)))).toBe(false);
  });

  it('confirms a write only by its exact echo', () => {
    const cmd = dispenseCommand(1, { slot: 5, type: 1, check: false, lift: false });
    expect(isExactEcho(cmd, parseReply(echoReply(cmd.frame))!)).toBe(true);
    expect(isExactEcho(cmd, parseReply(withCrc([1, 0x10, 0x20, 0x01, 0x00, 0x03]))!)).toBe(false);
    expect(isExactEcho(cmd, parseReply(withCrc([1, 0x10, 0x20, 0x02, 0x00, 0x02]))!)).toBe(false);
  });

  it('decodes shipment status, drop sensor, hardware config and box status, refusing odd shapes', () => {
    expect(decodeShipmentStatus(Uint8Array.from([2, 0]))).toEqual({
      ok: true,
      value: { runStatus: 'done', faultCode: 0 },
    });
    expect(decodeShipmentStatus(Uint8Array.from([3, 0x15]))).toEqual({
      ok: true,
      value: { runStatus: 'fault', faultCode: 0x15 },
    });
    expect(decodeShipmentStatus(Uint8Array.from([9, 0])).ok).toBe(false);
    expect(decodeShipmentStatus(Uint8Array.from([1, 0, 0, 0])).ok).toBe(false);
    expect(decodeDropSensor(Uint8Array.from([0, 1]))).toEqual({ ok: true, value: 'clear' });
    expect(decodeDropSensor(Uint8Array.from([0, 0]))).toEqual({ ok: true, value: 'blocked-or-missing' });
    expect(decodeDropSensor(Uint8Array.from([0, 7])).ok).toBe(false);
    expect(decodeHardwareConfig(Uint8Array.from([6, 8, 0, 3]))).toEqual({
      ok: true,
      value: { rows: 6, columns: 8, flags: 3 },
    });
    expect(decodeHardwareConfig(Uint8Array.from([6, 8])).ok).toBe(false);
    expect(decodeBoxStatus(Uint8Array.from([0, 0]))).toEqual({ ok: true, value: 'open' });
    expect(decodeBoxStatus(Uint8Array.from([0, 1]))).toEqual({ ok: true, value: 'closed' });
    expect(decodeBoxStatus(Uint8Array.from([0, 2])).ok).toBe(false);
  });
});
