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
import { withCrc } from './crc16';

/** What the kiosk asks a board; the driver matches a reply to it by address and function code. */
export type BoardOp =
  'hardware-config' | 'shipment-status' | 'box-status' | 'drop-sensor' | 'reset-lift' | 'dispense';

export type BoardRequestFrame = {
  readonly op: BoardOp;
  readonly addr: number;
  readonly fn: number;
  readonly register: number;
  readonly frame: Uint8Array;
};

export type DispenseParams = {
  readonly slot: number;
  /** 1 spring motor, 2 lock, 3 conveyor, 4 timed motor. */
  readonly type: number;
  readonly check: boolean;
  readonly lift: boolean;
};

const hi = (n: number): number => (n >>> 8) & 0xff;
const lo = (n: number): number => n & 0xff;

const readHolding = (op: BoardOp, addr: number, register: number, count: number): BoardRequestFrame => ({
  op,
  addr,
  fn: FN_READ_HOLDING,
  register,
  frame: withCrc([addr, FN_READ_HOLDING, hi(register), lo(register), hi(count), lo(count)]),
});

export const readHardwareConfig = (addr: number): BoardRequestFrame =>
  readHolding('hardware-config', addr, REG_HARDWARE_CONFIG, 2);

export const readShipmentStatus = (addr: number): BoardRequestFrame =>
  readHolding('shipment-status', addr, REG_SHIPMENT_STATUS, 1);

/** The board overloads the count field with the slot number for this register. */
export const readBoxStatus = (addr: number, slot: number): BoardRequestFrame =>
  readHolding('box-status', addr, REG_BOX_STATUS, slot);

export const readDropSensor = (addr: number): BoardRequestFrame =>
  readHolding('drop-sensor', addr, REG_DROP_SENSOR, 1);

export const resetLift = (addr: number): BoardRequestFrame => ({
  op: 'reset-lift',
  addr,
  fn: FN_WRITE_SINGLE,
  register: REG_RESET_LIFT,
  frame: withCrc([addr, FN_WRITE_SINGLE, hi(REG_RESET_LIFT), lo(REG_RESET_LIFT), 0x00, 0x01]),
});

/** Two registers, four data bytes: slot, type, drop check, lift. */
export const dispenseCommand = (addr: number, p: DispenseParams): BoardRequestFrame => ({
  op: 'dispense',
  addr,
  fn: FN_WRITE_MULTIPLE,
  register: REG_DISPENSE,
  frame: withCrc([
    addr,
    FN_WRITE_MULTIPLE,
    hi(REG_DISPENSE),
    lo(REG_DISPENSE),
    0x00,
    0x02,
    0x04,
    lo(p.slot),
    lo(p.type),
    p.check ? 1 : 0,
    p.lift ? 1 : 0,
  ]),
});
