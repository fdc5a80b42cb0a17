import type { DispenseOutcome, ShipmentStatus } from '../ports/board';
import { describeFault, faultReason } from '../protocol/modbus/fault-codes';

export const success: DispenseOutcome = { outcome: 'success' };

export const failed = (reason: string, faultCode: number | null = null): DispenseOutcome => ({
  outcome: 'failed',
  reason,
  faultCode,
});

export const unknown = (reason: string): DispenseOutcome => ({ outcome: 'unknown', reason });

/**
 * A fault the board reported for a dispense. Only faults that stop the item before it can reach the
 * customer are failures; a fault that may come after the drop (lost feedback, drop not seen) is unknown.
 */
export const faultOutcome = (faultCode: number): DispenseOutcome =>
  describeFault(faultCode).delivery === 'not-delivered'
    ? failed(faultReason(faultCode), faultCode)
    : unknown(`${faultReason(faultCode)}: the item may have dropped`);

/** What to do once a dispense command's reply was lost (timeout, bad frame, write error mid-send). */
export type LostReplyDecision =
  | { readonly kind: 'keep-polling' }
  | { readonly kind: 'settled'; readonly status: ShipmentStatus }
  | { readonly kind: 'outcome'; readonly outcome: DispenseOutcome };

/**
 * `before` is the status read just before the command went out, `after` the first status read after the
 * reply was lost. The board keeps `done`/`fault` until its next command, so an unchanged `done` may be
 * the previous dispense's: that is exactly the case nobody can tell apart, and it stays unknown.
 */
export const decideAfterLostReply = (
  before: ShipmentStatus,
  after: ShipmentStatus | null,
): LostReplyDecision => {
  if (after === null)
    return { kind: 'outcome', outcome: unknown('dispense reply lost and the board status cannot be read') };
  switch (after.runStatus) {
    case 'busy':
      return { kind: 'keep-polling' };
    case 'done':
      return before.runStatus === 'done'
        ? {
            kind: 'outcome',
            outcome: unknown(
              'dispense reply lost; the board still shows the previous "done", so it cannot be told whether this dispense ran',
            ),
          }
        : { kind: 'settled', status: after };
    case 'fault':
      // Whether this fault is new or left over, the board did not complete a drop for this command.
      return { kind: 'settled', status: after };
    case 'idle':
      return before.runStatus === 'idle'
        ? {
            kind: 'outcome',
            outcome: failed('the board did not take the dispense command (reply lost, board still idle)'),
          }
        : {
            kind: 'outcome',
            outcome: unknown('dispense reply lost and the board status went back to idle (board reset?)'),
          };
  }
};
