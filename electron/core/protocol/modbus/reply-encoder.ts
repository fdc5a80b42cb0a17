import { EXCEPTION_FLAG, FN_READ_HOLDING } from './constants';
import { withCrc } from './crc16';

/** Reply frames as a board builds them: used by the simulator and by tests that script a board. */
export const readReply = (addr: number, data: readonly number[]): Uint8Array =>
  withCrc([addr, FN_READ_HOLDING, data.length, ...data]);

/** Writes are confirmed by echoing address, function, register and value/count. */
export const echoReply = (request: Uint8Array): Uint8Array => withCrc(request.slice(0, 6));

export const exceptionReply = (addr: number, fn: number, code: number): Uint8Array =>
  withCrc([addr, (fn | EXCEPTION_FLAG) & 0xff, code]);

export const shipmentStatusReply = (addr: number, runStatus: number, faultCode: number): Uint8Array =>
  readReply(addr, [runStatus, faultCode]);

export const dropSensorReply = (addr: number, clear: boolean): Uint8Array =>
  readReply(addr, [0, clear ? 1 : 0]);
