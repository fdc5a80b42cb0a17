import { err, ok, type Result } from '../../contract/result';
import type { DispenseRequest } from '../ports/board';
import type { SerialLink } from '../ports/serial-link';
import type { BoardReads } from './reads';

/**
 * Whether a dispense on this board could start now, read before a customer's code is consumed: the link is up,
 * the board answers and is not busy, and its drop sensor (where fitted) is clear. Any other answer refuses the
 * code while it is still valid, rather than consuming it and failing the dispense after.
 */
export const preflight = async (
  link: SerialLink,
  reads: BoardReads,
  req: DispenseRequest,
): Promise<Result<void, string>> => {
  if (link.status() !== 'connected') return err(`serial link is ${link.status()}`);
  const status = await reads.shipmentStatus(req.addr);
  if (!status.ok) return err(`board ${req.addr} not answering (${status.error.message})`);
  if (status.value.runStatus === 'busy') return err(`board ${req.addr} is busy`);
  if (!req.dropCheck) return ok(undefined);
  const sensor = await reads.dropSensor(req.addr);
  if (!sensor.ok) return err(`board ${req.addr} drop sensor not answering (${sensor.error.message})`);
  return sensor.value === 'clear'
    ? ok(undefined)
    : err(`board ${req.addr} drop sensor reads ${sensor.value}`);
};
