import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import type { BoardError, ShipmentStatus } from '../ports/board';
import { exceptionNames } from '../protocol/modbus/constants';
import type { BoxState, DropSensorState, HardwareConfig } from '../protocol/modbus/replies';
import {
  decodeBoxStatus,
  decodeDropSensor,
  decodeHardwareConfig,
  decodeShipmentStatus,
  isExactEcho,
} from '../protocol/modbus/replies';
import type { BoardRequestFrame } from '../protocol/modbus/requests';
import {
  readBoxStatus,
  readDropSensor,
  readHardwareConfig,
  readShipmentStatus,
  resetLift,
} from '../protocol/modbus/requests';
import type { Logger } from '../ports/logger';
import type { Transport } from './transport';

export type BoardReads = {
  shipmentStatus(addr: number): Promise<Result<ShipmentStatus, BoardError>>;
  dropSensor(addr: number): Promise<Result<DropSensorState, BoardError>>;
  hardwareConfig(addr: number): Promise<Result<HardwareConfig, BoardError>>;
  boxStatus(addr: number, slot: number): Promise<Result<BoxState, BoardError>>;
  resetLift(addr: number): Promise<Result<void, BoardError>>;
};

type Decode<T> = (data: Uint8Array) => Result<T, string>;

const exceptionError = (code: number): BoardError => ({
  code: 'exception',
  message: `board refused: ${exceptionNames[code] ?? 'exception'} (${code})`,
});

/** Reads are idempotent, so a timeout or a garbled answer is simply asked again. A refusal is final. */
export const createReads = (
  transport: Transport,
  timeoutMs: number,
  attempts: number,
  logger: Logger,
): BoardReads => {
  const read = async <T>(req: BoardRequestFrame, decode: Decode<T>): Promise<Result<T, BoardError>> => {
    let last: BoardError = { code: 'timeout', message: 'not attempted' };
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const res = await transport.exchange(req, timeoutMs);
      if (!res.ok) {
        last = { code: res.error.code, message: res.error.message };
        if (res.error.code === 'link-down') return err(last);
      } else if (res.value.kind === 'exception') {
        return err(exceptionError(res.value.code));
      } else if (res.value.kind === 'read') {
        const decoded = decode(res.value.data);
        if (decoded.ok) return ok(decoded.value);
        last = { code: 'bad-reply', message: decoded.error };
      } else {
        last = { code: 'bad-reply', message: 'a write echo answered a read' };
      }
      if (attempt < attempts)
        logger.debug('board.read.retry', { op: req.op, addr: req.addr, attempt, why: last.code });
    }
    return err(last);
  };

  return {
    shipmentStatus: (addr) => read(readShipmentStatus(addr), decodeShipmentStatus),
    dropSensor: (addr) => read(readDropSensor(addr), decodeDropSensor),
    hardwareConfig: (addr) => read(readHardwareConfig(addr), decodeHardwareConfig),
    boxStatus: (addr, slot) => read(readBoxStatus(addr, slot), decodeBoxStatus),
    // Moving the lift is a physical action: sent once, like a dispense, never on a retry loop.
    async resetLift(addr) {
      const req = resetLift(addr);
      const res = await transport.exchange(req, timeoutMs);
      if (!res.ok) return err({ code: res.error.code, message: res.error.message });
      if (res.value.kind === 'exception') return err(exceptionError(res.value.code));
      return isExactEcho(req, res.value)
        ? ok(undefined)
        : err({ code: 'bad-reply', message: 'lift reset echo did not match' });
    },
  };
};
