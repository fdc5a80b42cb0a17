import { exceptionNames } from './constants';

/**
 * What a shipment fault code means for the customer. `not-delivered`: the board stopped before an item
 * could reach the customer, so the dispense failed. `maybe-delivered`: the motor may have run to the end
 * (the board lost feedback or did not see the drop), so nobody can tell: the outcome is unknown.
 */
export type FaultMeaning = {
  readonly text: string;
  readonly delivery: 'not-delivered' | 'maybe-delivered';
  /** The fault is the slot's own (a jam, a motor drawing no or too much current, a slot that does not exist). */
  readonly slotBroken?: true;
};

/**
 * Codes 1–8 are the Modbus exception codes the vendor documents. The board failure strings have no
 * documented number, so the reference protocol numbers them from 0x10 in the order the vendor lists them.
 */
export const BOARD_FAILURE_BASE = 0x10;

const boardFailures: readonly FaultMeaning[] = [
  { text: 'Slot Invalid', delivery: 'not-delivered', slotBroken: true },
  { text: 'Load No Current', delivery: 'not-delivered', slotBroken: true },
  { text: 'Over Current', delivery: 'not-delivered', slotBroken: true },
  { text: 'Feedback Error', delivery: 'maybe-delivered' },
  { text: 'Dlv Detect Error', delivery: 'maybe-delivered' },
  { text: 'Goods are Stuck', delivery: 'not-delivered', slotBroken: true },
  { text: 'Slot Type Error', delivery: 'not-delivered', slotBroken: true },
  { text: 'Slave Comm Error', delivery: 'maybe-delivered' },
  { text: 'Lift Comm Error', delivery: 'not-delivered' },
  { text: 'Lift Limit Up', delivery: 'not-delivered' },
  { text: 'Lift Goods', delivery: 'not-delivered' },
  { text: 'Lift Limit Dw', delivery: 'not-delivered' },
  { text: 'VerMo break', delivery: 'not-delivered' },
  { text: 'VerMo short', delivery: 'not-delivered' },
  { text: 'VerMo Encode', delivery: 'not-delivered' },
];

export type BoardFailure =
  | 'Slot Invalid'
  | 'Load No Current'
  | 'Over Current'
  | 'Feedback Error'
  | 'Dlv Detect Error'
  | 'Goods are Stuck'
  | 'Slot Type Error'
  | 'Slave Comm Error'
  | 'Lift Comm Error'
  | 'Lift Limit Up'
  | 'Lift Goods'
  | 'Lift Limit Dw'
  | 'VerMo break'
  | 'VerMo short'
  | 'VerMo Encode';

/** The fault code the reference protocol uses for a board failure string. */
export const boardFailureCode = (failure: BoardFailure): number =>
  BOARD_FAILURE_BASE + boardFailures.findIndex((f) => f.text === failure);

/** Codes where the board rejected the command before anything moved. */
const rejectedExceptions = new Set([1, 2, 3, 4, 6]);

export const describeFault = (code: number): FaultMeaning => {
  const failure = boardFailures[code - BOARD_FAILURE_BASE];
  if (code >= BOARD_FAILURE_BASE && failure) return failure;
  const name = exceptionNames[code];
  if (name !== undefined) {
    return { text: name, delivery: rejectedExceptions.has(code) ? 'not-delivered' : 'maybe-delivered' };
  }
  // An unlisted code could mean anything, including a completed drop: never call it a clean failure.
  return { text: `unrecognised fault code ${code}`, delivery: 'maybe-delivered' };
};

/** Operator-readable reason, e.g. `Goods are Stuck (board fault 0x15)`. */
export const faultReason = (code: number): string =>
  `${describeFault(code).text} (board fault 0x${code.toString(16).padStart(2, '0')})`;
