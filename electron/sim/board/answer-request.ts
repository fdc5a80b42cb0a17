import {
  EXC_SLAVE_BUSY,
  FN_READ_HOLDING,
  FN_WRITE_MULTIPLE,
  FN_WRITE_SINGLE,
  runStatusCodes,
} from '../../core/protocol/modbus/constants';
import type { DecodedRequest } from '../../core/protocol/modbus/request-decoder';
import {
  dropSensorReply,
  echoReply,
  exceptionReply,
  readReply,
  shipmentStatusReply,
} from '../../core/protocol/modbus/reply-encoder';
import type { BoardEngine } from './board-engine';
import { physicalFaultKinds } from './config';
import type { SimFault } from './config';
import type { FaultKind, RequestContext } from './faults';

/** Takes an armed fault for this request (and reports it), or null. */
export type TakeFault = (kinds: readonly FaultKind[], ctx: RequestContext) => SimFault | null;

/**
 * What the board does with one request addressed to it, and the correct reply. A dispense is refused with
 * "slave busy" while the motor runs, or when a `busy` fault is armed; otherwise it starts the motor.
 */
export const answerRequest = (
  req: DecodedRequest,
  engine: BoardEngine,
  frame: Uint8Array,
  take: TakeFault,
): Uint8Array => {
  const { addr } = req;
  switch (req.op) {
    case 'refused':
      return exceptionReply(addr, req.fn, req.exception);
    case 'shipment-status': {
      const s = engine.status();
      return shipmentStatusReply(addr, s.runStatus, s.faultCode);
    }
    case 'hardware-config':
      return readReply(addr, engine.hardware());
    case 'drop-sensor':
      return dropSensorReply(addr, engine.sensorClear());
    case 'box-status': {
      const closed = engine.boxClosed(req.slot);
      return closed === null
        ? exceptionReply(addr, FN_READ_HOLDING, 2)
        : readReply(addr, [0, closed ? 1 : 0]);
    }
    case 'reset-lift':
      return engine.hasLift ? echoReply(frame) : exceptionReply(addr, FN_WRITE_SINGLE, 2);
    case 'dispense': {
      const ctx = { op: 'dispense', addr, slot: req.slot };
      if (engine.status().runStatus === runStatusCodes.busy || take(['busy'], ctx)) {
        return exceptionReply(addr, FN_WRITE_MULTIPLE, EXC_SLAVE_BUSY);
      }
      engine.dispense(req, take(physicalFaultKinds, ctx));
      return echoReply(frame);
    }
  }
};
