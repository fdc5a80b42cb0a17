/**
 * The reference wire protocol (board-protocol.md): Modbus RTU function codes and the board's registers.
 * Kept in one place so a corrected register map is an edit here, not a hunt through the driver.
 */
export const FN_READ_HOLDING = 0x03;
export const FN_WRITE_SINGLE = 0x06;
export const FN_WRITE_MULTIPLE = 0x10;
export const EXCEPTION_FLAG = 0x80;

export const REG_HARDWARE_CONFIG = 0x0001;
export const REG_SHIPMENT_STATUS = 0x0003;
export const REG_BOX_STATUS = 0x0005;
export const REG_DROP_SENSOR = 0x0008;
export const REG_RESET_LIFT = 0x1002;
export const REG_DISPENSE = 0x2001;

/** Slave addresses a combination machine can chain. */
export const MIN_BOARD_ADDR = 1;
export const MAX_BOARD_ADDR = 8;
/** Slot numbers are row*10 + col on a 10 x 10 grid. */
export const MAX_SLOT = 99;

/** Modbus exception codes; the board reuses them as shipment fault codes. */
export const exceptionNames: Readonly<Record<number, string>> = {
  1: 'invalid function code',
  2: 'invalid data address',
  3: 'invalid data',
  4: 'checksum error',
  6: 'slave busy',
  7: 'slave device fault',
  8: 'acknowledge, still processing',
};

export const EXC_SLAVE_BUSY = 6;
export const EXC_ACKNOWLEDGE = 8;

export const runStatusCodes = { idle: 0, busy: 1, done: 2, fault: 3 } as const;
