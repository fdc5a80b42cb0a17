import type { Result } from '../../contract/result';
import type { BoardDriver, BoardError, DispenseOutcome } from '../ports/board';
import type { BoxState, DropSensorState } from '../protocol/modbus/replies';
import type { DispenseDeps } from './dispense';
import { runDispense } from './dispense';
import { assessInterrupted } from './interrupted';
import { createCommandEpochs } from './command-epochs';
import { createKeyedMutex } from './keyed-mutex';
import { preflight } from './preflight';
import type { BoardDriverOptions } from './options';
import { resolveOptions } from './options';
import { unknown } from './outcomes';
import type { FrameRecorder } from './recorder';
import { createReads } from './reads';
import { createTransport } from './transport';

/** The port plus the installer's diagnostics (`kioskctl board ...`), which the kiosk flow does not need. */
export interface BoardDriverWithDiagnostics extends BoardDriver {
  dropSensor(addr: number): Promise<Result<DropSensorState, BoardError>>;
  boxStatus(addr: number, slot: number): Promise<Result<BoxState, BoardError>>;
  resetLift(addr: number): Promise<Result<void, BoardError>>;
  readonly recorder: FrameRecorder | undefined;
}

/**
 * The one owner of the board line: a single queue for every board on it, and the dispense rules of
 * board-protocol.md. `close()` also closes the link, since nothing else may talk on it.
 */
export const createBoardDriver = (options: BoardDriverOptions): BoardDriverWithDiagnostics => {
  const resolved = resolveOptions(options);
  const { link, clock, logger, recorder } = options;
  const transport = createTransport({ link, clock, logger, recorder, silenceMs: resolved.silenceMs });
  const reads = createReads(transport, resolved.requestTimeoutMs, resolved.readAttempts, logger);
  const epochs = createCommandEpochs();
  link.onStatus(() => {
    epochs.bumpAll();
  });
  const deps: DispenseDeps = { epochs, link, clock, logger, transport, reads, options: resolved };
  const perBoard = createKeyedMutex();

  const guarded = async (what: string, work: () => Promise<DispenseOutcome>): Promise<DispenseOutcome> => {
    try {
      return await work();
    } catch (e) {
      // A throw here is a bug; the customer-facing answer must still be the safe one.
      logger.error('board.bug', { what, message: e instanceof Error ? e.message : String(e) });
      return unknown(`internal error during ${what}`);
    }
  };

  return {
    async dispense(req, hooks) {
      const outcome = await perBoard(req.addr, () =>
        guarded('dispense', () => runDispense(deps, req, hooks)),
      );
      logger.info('board.dispense.outcome', {
        addr: req.addr,
        slot: req.slot,
        outcome: outcome.outcome,
        reason: outcome.outcome === 'success' ? null : outcome.reason,
      });
      return outcome;
    },
    assessInterrupted: (req, context) =>
      perBoard(req.addr, () => guarded('assessInterrupted', () => assessInterrupted(deps, req, context))),
    shipmentStatus: (addr) => reads.shipmentStatus(addr),
    preflight: (req) => perBoard(req.addr, () => preflight({ link, reads, epochs, clock }, req)),
    dropSensor: (addr) => reads.dropSensor(addr),
    hardwareConfig: (addr) => reads.hardwareConfig(addr),
    boxStatus: (addr, slot) => reads.boxStatus(addr, slot),
    resetLift: (addr) => {
      epochs.bump(addr);
      return reads.resetLift(addr);
    },
    linkStatus: () => link.status(),
    onLinkStatus: (listener) => link.onStatus(listener),
    recorder,
    async close() {
      transport.close();
      await link.close();
    },
  };
};
