import {
  FN_READ_HOLDING,
  FN_WRITE_MULTIPLE,
  FN_WRITE_SINGLE,
  REG_BOX_STATUS,
  REG_DISPENSE,
  REG_DROP_SENSOR,
  REG_HARDWARE_CONFIG,
  REG_RESET_LIFT,
  REG_SHIPMENT_STATUS,
} from './constants';

/** A request frame as a board understands it: the simulator's half of the codec. */
export type DecodedRequest =
  | {
      readonly op: 'hardware-config' | 'shipment-status' | 'drop-sensor' | 'reset-lift';
      readonly addr: number;
    }
  | { readonly op: 'box-status'; readonly addr: number; readonly slot: number }
  | {
      readonly op: 'dispense';
      readonly addr: number;
      readonly slot: number;
      readonly type: number;
      readonly check: boolean;
      readonly lift: boolean;
    }
  /** A well-framed request the board must refuse with this Modbus exception code. */
  | { readonly op: 'refused'; readonly addr: number; readonly fn: number; readonly exception: 1 | 2 | 3 };

const word = (f: Uint8Array, i: number): number => ((f[i] ?? 0) << 8) | (f[i + 1] ?? 0);

const decodeRead = (addr: number, register: number, count: number): DecodedRequest => {
  const refuse = (exception: 2 | 3): DecodedRequest => ({
    op: 'refused',
    addr,
    fn: FN_READ_HOLDING,
    exception,
  });
  switch (register) {
    case REG_HARDWARE_CONFIG:
      return count === 2 ? { op: 'hardware-config', addr } : refuse(3);
    case REG_SHIPMENT_STATUS:
      return count === 1 ? { op: 'shipment-status', addr } : refuse(3);
    case REG_BOX_STATUS:
      return { op: 'box-status', addr, slot: count };
    case REG_DROP_SENSOR:
      return count === 1 ? { op: 'drop-sensor', addr } : refuse(3);
    default:
      return refuse(2);
  }
};

/** `frame` is a CRC-checked request frame (the framer cut it with the request length rule). */
export const decodeRequest = (frame: Uint8Array): DecodedRequest => {
  const addr = frame[0] ?? 0;
  const fn = frame[1] ?? 0;
  const register = word(frame, 2);
  if (fn === FN_READ_HOLDING) return decodeRead(addr, register, word(frame, 4));
  if (fn === FN_WRITE_SINGLE) {
    if (register !== REG_RESET_LIFT) return { op: 'refused', addr, fn, exception: 2 };
    return word(frame, 4) === 1 ? { op: 'reset-lift', addr } : { op: 'refused', addr, fn, exception: 3 };
  }
  if (fn === FN_WRITE_MULTIPLE) {
    if (register !== REG_DISPENSE) return { op: 'refused', addr, fn, exception: 2 };
    if (word(frame, 4) !== 2 || frame[6] !== 4 || frame.length !== 13)
      return { op: 'refused', addr, fn, exception: 3 };
    return {
      op: 'dispense',
      addr,
      slot: frame[7] ?? 0,
      type: frame[8] ?? 0,
      check: frame[9] === 1,
      lift: frame[10] === 1,
    };
  }
  return { op: 'refused', addr, fn, exception: 1 };
};
