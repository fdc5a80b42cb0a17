import type { Result } from '../../../contract/result';
import { err, ok } from '../../../contract/result';
import {
  EXCEPTION_FLAG,
  FN_READ_HOLDING,
  FN_WRITE_MULTIPLE,
  FN_WRITE_SINGLE,
  runStatusCodes,
} from './constants';
import type { BoardRequestFrame } from './requests';

/** A CRC-checked frame from a board, split into its Modbus meaning. */
export type Reply =
  | { readonly kind: 'exception'; readonly addr: number; readonly fn: number; readonly code: number }
  | { readonly kind: 'read'; readonly addr: number; readonly fn: number; readonly data: Uint8Array }
  | {
      readonly kind: 'echo';
      readonly addr: number;
      readonly fn: number;
      readonly register: number;
      readonly value: number;
    };

const word = (f: Uint8Array, i: number): number => ((f[i] ?? 0) << 8) | (f[i + 1] ?? 0);

/** Null when the frame is not a reply shape this protocol knows (the framer already checked the CRC). */
export const parseReply = (frame: Uint8Array): Reply | null => {
  const addr = frame[0] ?? 0;
  const fn = frame[1] ?? 0;
  if (fn & EXCEPTION_FLAG && frame.length === 5) {
    return { kind: 'exception', addr, fn: fn & ~EXCEPTION_FLAG, code: frame[2] ?? 0 };
  }
  if (fn === FN_READ_HOLDING && frame.length === 5 + (frame[2] ?? 0)) {
    return { kind: 'read', addr, fn, data: frame.slice(3, frame.length - 2) };
  }
  if ((fn === FN_WRITE_SINGLE || fn === FN_WRITE_MULTIPLE) && frame.length === 8) {
    return { kind: 'echo', addr, fn, register: word(frame, 2), value: word(frame, 4) };
  }
  return null;
};

/** Does this reply answer that request? Same board, same function (or its exception). */
export const answers = (req: BoardRequestFrame, reply: Reply): boolean =>
  reply.addr === req.addr && reply.fn === req.fn;

/** A write is confirmed only by the exact echo of register and value/count the request carried. */
export const isExactEcho = (req: BoardRequestFrame, reply: Reply): boolean =>
  reply.kind === 'echo' && reply.register === req.register && reply.value === word(req.frame, 4);

export type DecodedRunStatus = 'idle' | 'busy' | 'done' | 'fault';
export type DecodedShipment = { readonly runStatus: DecodedRunStatus; readonly faultCode: number };

const runStatusByCode = new Map<number, DecodedRunStatus>(
  Object.entries(runStatusCodes).map(([name, code]) => [code, name as DecodedRunStatus]),
);

export const decodeShipmentStatus = (data: Uint8Array): Result<DecodedShipment, string> => {
  if (data.length !== 2) return err(`shipment status has ${data.length} bytes, expected 2`);
  const runStatus = runStatusByCode.get(data[0] ?? 0xff);
  if (!runStatus) return err(`unknown run status ${data[0] ?? -1}`);
  return ok({ runStatus, faultCode: data[1] ?? 0 });
};

/** 1: beam clear (sensor working); 0: sensor not connected or beam blocked. */
export type DropSensorState = 'clear' | 'blocked-or-missing';

export const decodeDropSensor = (data: Uint8Array): Result<DropSensorState, string> => {
  if (data.length !== 2) return err(`drop sensor status has ${data.length} bytes, expected 2`);
  if (data[1] === 1) return ok('clear');
  if (data[1] === 0) return ok('blocked-or-missing');
  return err(`unknown drop sensor status ${data[1] ?? -1}`);
};

export type HardwareConfig = { readonly rows: number; readonly columns: number; readonly flags: number };

export const decodeHardwareConfig = (data: Uint8Array): Result<HardwareConfig, string> =>
  data.length === 4
    ? ok({ rows: data[0] ?? 0, columns: data[1] ?? 0, flags: word(data, 2) })
    : err(`hardware config has ${data.length} bytes, expected 4`);

export type BoxState = 'open' | 'closed';

export const decodeBoxStatus = (data: Uint8Array): Result<BoxState, string> => {
  const value = word(data, 0);
  if (data.length !== 2 || value > 1) return err('box status must be 2 bytes holding 0 or 1');
  return ok(value === 0 ? 'open' : 'closed');
};
