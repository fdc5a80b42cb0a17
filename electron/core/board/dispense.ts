import { ok, type Result } from '../../contract/result';
import type {
  BoardError,
  DispenseHooks,
  DispenseOutcome,
  DispenseRequest,
  ShipmentStatus,
} from '../ports/board';
import type { Clock } from '../ports/clock';
import { sleep } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { SerialLink } from '../ports/serial-link';
import { EXC_ACKNOWLEDGE, MAX_BOARD_ADDR, MAX_SLOT, MIN_BOARD_ADDR } from '../protocol/modbus/constants';
import { describeFault, faultReason } from '../protocol/modbus/fault-codes';
import { isExactEcho } from '../protocol/modbus/replies';
import { dispenseCommand } from '../protocol/modbus/requests';
import type { ResolvedOptions } from './options';
import { busyWindowFor } from './options';
import { decideAfterLostReply, failed, faultOutcome, success, unknown } from './outcomes';
import type { CommandEpochs } from './command-epochs';
import type { BoardReads } from './reads';
import type { Transport } from './transport';

export type DispenseDeps = {
  readonly epochs: CommandEpochs;
  readonly link: SerialLink;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly transport: Transport;
  readonly reads: BoardReads;
  readonly options: ResolvedOptions;
};

export const invalidRequestReason = (req: DispenseRequest): string | null => {
  if (!Number.isInteger(req.addr) || req.addr < MIN_BOARD_ADDR || req.addr > MAX_BOARD_ADDR)
    return `board address ${req.addr} is not 1–8`;
  if (!Number.isInteger(req.slot) || req.slot < 0 || req.slot > MAX_SLOT)
    return `slot ${req.slot} is not 0–99`;
  if (![1, 2, 3, 4].includes(req.type)) return `slot type ${String(req.type)} is not 1–4`;
  return null;
};

/** Success needs `done`, and with a drop sensor fitted the sensor must be working after the drop. */
const confirmDone = async (deps: DispenseDeps, req: DispenseRequest): Promise<DispenseOutcome> => {
  if (!req.dropCheck) return success;
  const sensor = await deps.reads.dropSensor(req.addr);
  if (!sensor.ok)
    return unknown(`board reported done but the drop sensor could not be read (${sensor.error.message})`);
  return sensor.value === 'clear'
    ? success
    : unknown('board reported done but the drop sensor reads blocked or not connected');
};

const settle = (
  deps: DispenseDeps,
  req: DispenseRequest,
  status: ShipmentStatus,
): Promise<DispenseOutcome> =>
  status.runStatus === 'done' ? confirmDone(deps, req) : Promise.resolve(faultOutcome(status.faultCode));

/**
 * Polls shipment status until done or fault; past the busy window nobody can say what happened. The board
 * switches to busy when it accepts a command, so once it acknowledged, `done` is this dispense's.
 */
/** Exported for crash recovery, which confirms an accepted unit's `done` the same way. */
export { confirmDone };

export const pollUntilSettled = async (
  deps: DispenseDeps,
  req: DispenseRequest,
  deadline: number,
): Promise<DispenseOutcome> => {
  let lastProblem = 'board still busy';
  for (;;) {
    const status = await deps.reads.shipmentStatus(req.addr);
    if (status.ok && (status.value.runStatus === 'done' || status.value.runStatus === 'fault')) {
      return settle(deps, req, status.value);
    }
    lastProblem = status.ok
      ? `board still ${status.value.runStatus}`
      : `board not answering (${status.error.message})`;
    if (deps.clock.now() + deps.options.pollIntervalMs > deadline) break;
    await sleep(deps.clock, deps.options.pollIntervalMs);
  }
  const windowS = Math.round(busyWindowFor(deps.options.busyWindows, req.type) / 100) / 10;
  return unknown(`${lastProblem} after the ${windowS} s busy window`);
};

const afterLostReply = async (
  deps: DispenseDeps,
  req: DispenseRequest,
  before: ShipmentStatus,
  deadline: number,
  why: string,
): Promise<DispenseOutcome> => {
  deps.logger.warn('board.dispense.reply-lost', { addr: req.addr, slot: req.slot, why });
  const after = await deps.reads.shipmentStatus(req.addr);
  const decision = decideAfterLostReply(before, after.ok ? after.value : null);
  if (decision.kind === 'outcome') return decision.outcome;
  if (decision.kind === 'settled') return settle(deps, req, decision.status);
  return pollUntilSettled(deps, req, deadline);
};

/** A preflight's status is this long good at most, however quiet the line was: a bound, not the rule. */
export const PREFLIGHT_REUSE_MS = 30_000;

/**
 * The board's status before the command: the preflight's, when nothing can have changed it since (no command
 * to this board, no link change, not older than PREFLIGHT_REUSE_MS), else read now.
 */
const statusBefore = async (
  deps: DispenseDeps,
  req: DispenseRequest,
  hooks: DispenseHooks,
): Promise<Result<ShipmentStatus, BoardError>> => {
  const pass = hooks.preflight;
  if (
    pass !== undefined &&
    pass.addr === req.addr &&
    pass.epoch === deps.epochs.current(req.addr) &&
    deps.clock.now() - pass.at <= PREFLIGHT_REUSE_MS
  ) {
    deps.logger.debug('board.dispense.status-reused', { addr: req.addr, ageMs: deps.clock.now() - pass.at });
    hooks.onPreflightReused?.();
    return ok(pass.status);
  }
  return deps.reads.shipmentStatus(req.addr);
};

/**
 * One dispense: status first (a busy or silent board gets no command), the command exactly once, then
 * polling. Whatever goes wrong after the command is on the wire is resolved from the board's own status.
 */
export const runDispense = async (
  deps: DispenseDeps,
  req: DispenseRequest,
  hooks: DispenseHooks = {},
): Promise<DispenseOutcome> => {
  const invalid = invalidRequestReason(req);
  if (invalid !== null) return failed(`invalid dispense request: ${invalid}`);
  if (deps.link.status() !== 'connected')
    return failed(`serial link is ${deps.link.status()}: nothing was sent`);
  const before = await statusBefore(deps, req, hooks);
  if (!before.ok) return failed(`board ${req.addr} not answering before dispense: ${before.error.message}`);
  if (before.value.runStatus === 'busy')
    return failed(`board ${req.addr} is busy with another dispense`, null);

  const command = dispenseCommand(req.addr, {
    slot: req.slot,
    type: req.type,
    check: req.dropCheck,
    lift: req.lift,
  });
  const deadline = deps.clock.now() + busyWindowFor(deps.options.busyWindows, req.type);
  deps.epochs.bump(req.addr);
  deps.logger.info('board.dispense.sent', { addr: req.addr, slot: req.slot, type: req.type });
  const res = await deps.transport.exchange(command, deps.options.requestTimeoutMs);
  if (!res.ok) {
    if (!res.error.sent) return failed(`serial link down: ${res.error.message}; nothing was sent`);
    return afterLostReply(deps, req, before.value, deadline, res.error.message);
  }
  const reply = res.value;
  if (reply.kind === 'exception') {
    if (reply.code === EXC_ACKNOWLEDGE) {
      hooks.onAccepted?.();
      return pollUntilSettled(deps, req, deadline);
    }
    if (describeFault(reply.code).delivery === 'not-delivered')
      return failed(`board refused the dispense: ${faultReason(reply.code)}`, reply.code);
    return afterLostReply(deps, req, before.value, deadline, `exception ${reply.code}`);
  }
  if (!isExactEcho(command, reply))
    return afterLostReply(deps, req, before.value, deadline, 'echo did not match the command');
  hooks.onAccepted?.();
  return pollUntilSettled(deps, req, deadline);
};
