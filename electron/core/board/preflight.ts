import { err, ok, type Result } from '../../contract/result';
import type { DispenseRequest, PreflightPass } from '../ports/board';
import type { Clock } from '../ports/clock';
import type { SerialLink } from '../ports/serial-link';
import type { CommandEpochs } from './command-epochs';
import type { BoardReads } from './reads';

/**
 * Whether a dispense on this board could start now, read before a customer's code is consumed: the link is up,
 * the board answers and is not busy, and its drop sensor (where fitted) is clear. Any other answer refuses the
 * code while it is still valid, rather than consuming it and failing the dispense after.
 */
export const preflight = async (
  deps: {
    readonly link: SerialLink;
    readonly reads: BoardReads;
    readonly epochs: CommandEpochs;
    readonly clock: Clock;
  },
  req: DispenseRequest,
): Promise<Result<PreflightPass, string>> => {
  const { link, reads, epochs, clock } = deps;
  if (link.status() !== 'connected') return err(`serial link is ${link.status()}`);
  const epoch = epochs.current(req.addr);
  const status = await reads.shipmentStatus(req.addr);
  if (!status.ok) return err(`board ${req.addr} not answering (${status.error.message})`);
  if (status.value.runStatus === 'busy') return err(`board ${req.addr} is busy`);
  const pass: PreflightPass = { addr: req.addr, status: status.value, epoch, at: clock.now() };
  if (!req.dropCheck) return ok(pass);
  const sensor = await reads.dropSensor(req.addr);
  if (!sensor.ok) return err(`board ${req.addr} drop sensor not answering (${sensor.error.message})`);
  return sensor.value === 'clear' ? ok(pass) : err(`board ${req.addr} drop sensor reads ${sensor.value}`);
};
