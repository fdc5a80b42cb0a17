import type { DispenseOutcome, DispenseRequest, InterruptedContext } from '../ports/board';
import type { DispenseDeps } from './dispense';
import { confirmDone, invalidRequestReason, pollUntilSettled } from './dispense';
import { busyWindowFor } from './options';
import { failed, faultOutcome, unknown } from './outcomes';

/**
 * Crash recovery: the kiosk died between recording its intent and recording the outcome. Only the board's own
 * status and what the journal recorded decide; nothing is sent but reads.
 *
 * - `busy` can only be this dispense (the kiosk is the line's only owner): followed to the end.
 * - `fault`: this command's failure if it was accepted, and in any case no completed drop for it.
 * - `done` after the board **accepted** this command (its echo is journaled): the next terminal status after an
 *   accepted command is that command's, so it is this unit's success (the drop sensor still confirmed where fitted).
 *   `done` without that mark may be an older dispense's: unknown.
 * - `idle` after an accepted command: the board restarted mid-run (its status was reset): unknown. `idle` without
 *   the mark is "never started", unless the machine itself restarted since the intent (a power cut takes the board
 *   down with the PC, and a reset board reads idle whatever it did): then unknown too.
 */
export const assessInterrupted = async (
  deps: DispenseDeps,
  req: DispenseRequest,
  context: InterruptedContext,
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
    case 'done':
      return context.accepted
        ? confirmDone(deps, req)
        : unknown(
            'the board reports done, but it never acknowledged this dispense, so the done may be an earlier one',
          );
    case 'idle':
      if (context.accepted)
        return unknown('the board accepted this dispense but now reads idle: it restarted during the run');
      if (context.machineRestarted)
        return unknown(
          'the machine restarted since this dispense was recorded, and a restarted board reads idle whatever it did',
        );
      return failed('the board is idle and never acknowledged the dispense: it never started');
  }
};
