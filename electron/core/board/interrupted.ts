import type { DispenseOutcome, DispenseRequest } from '../ports/board';
import type { DispenseDeps } from './dispense';
import { invalidRequestReason, pollUntilSettled } from './dispense';
import { busyWindowFor } from './options';
import { failed, faultOutcome, unknown } from './outcomes';

/**
 * Crash recovery: the kiosk died between recording its intent and recording the outcome. Only the board's
 * own status decides, and nothing is sent but reads. `busy` can only be this dispense (one owner sends
 * dispenses), so it is followed to the end; a `done` may be an older dispense's, so it stays unknown.
 */
export const assessInterrupted = async (
  deps: DispenseDeps,
  req: DispenseRequest,
): Promise<DispenseOutcome> => {
  const invalid = invalidRequestReason(req);
  if (invalid !== null) return unknown(`cannot assess an invalid request: ${invalid}`);
  const status = await deps.reads.shipmentStatus(req.addr);
  if (!status.ok) return unknown(`board ${req.addr} status cannot be read: ${status.error.message}`);
  switch (status.value.runStatus) {
    case 'busy':
      return pollUntilSettled(
        deps,
        req,
        deps.clock.now() + busyWindowFor(deps.options.busyWindows, req.type),
      );
    case 'fault':
      return faultOutcome(status.value.faultCode);
    case 'idle':
      // The board keeps done/fault until its next command, so idle means the command never reached it.
      return failed('the board is idle: the interrupted dispense never started');
    case 'done':
      return unknown(
        'the board reports done, but it cannot be told whether that was this dispense or an earlier one',
      );
  }
};
