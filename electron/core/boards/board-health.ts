import type { BoardConfig } from '../config/schema';
import type { BoardDriver } from '../ports/board';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';

/** Bits of the hardware configuration's flags word, in the reference protocol: drop sensor, lift. */
const DROP_SENSOR_FITTED = 0x1;
const LIFT_FITTED = 0x2;

export type BoardProblem = {
  readonly addr: number;
  readonly kind: 'down' | 'mismatch';
  readonly reason: string;
};

export type BoardHealth = {
  /** Probes every configured board; a dead or mis-configured one takes only its own slots out of service. */
  check(): Promise<void>;
  /** Probes again the boards that were down (a mismatch needs a new configuration, so it stays). */
  recheckDown(): Promise<void>;
  /** Why a board's slots are out of service, or null when it passed. */
  problem(addr: number): string | null;
  problems(): readonly BoardProblem[];
};

/**
 * What a board says it has against what the machine configuration says, before a code for it is consumed. A
 * configuration that expects a drop sensor the board does not report would turn every dispense into an
 * unknown; a lift that is configured but missing (or fitted but not configured) drives the wrong motor sequence.
 */
const mismatch = (board: BoardConfig, flags: number): string | null => {
  const sensor = (flags & DROP_SENSOR_FITTED) !== 0;
  const lift = (flags & LIFT_FITTED) !== 0;
  if (board.dropSensor && !sensor) return 'configured with a drop sensor, but the board reports none';
  if (board.lift !== lift)
    return board.lift
      ? 'configured with a lift, but the board reports none'
      : 'the board reports a lift the configuration does not have';
  return null;
};

export const createBoardHealth = (deps: {
  readonly boards: readonly BoardConfig[];
  readonly board: Pick<BoardDriver, 'hardwareConfig'>;
  readonly store: KioskStore;
  readonly clock: Clock;
  readonly logger: Logger;
}): BoardHealth => {
  const { store, clock, logger } = deps;
  const found = new Map<number, BoardProblem>();

  const probe = async (board: BoardConfig): Promise<void> => {
    const hw = await deps.board.hardwareConfig(board.addr);
    const before = found.get(board.addr);
    const wrong = hw.ok ? mismatch(board, hw.value.flags) : null;
    const problem: BoardProblem | null = !hw.ok
      ? {
          addr: board.addr,
          kind: 'down',
          reason: `board ${board.addr} does not answer (${hw.error.message})`,
        }
      : wrong === null
        ? null
        : { addr: board.addr, kind: 'mismatch', reason: `board ${board.addr}: ${wrong}` };
    if (problem === null) {
      if (before) {
        found.delete(board.addr);
        store.audit('board.back', { addr: board.addr, was: before.reason }, clock.now());
        logger.info('board.back', { addr: board.addr });
      }
      return;
    }
    found.set(board.addr, problem);
    if (before?.reason !== problem.reason) {
      store.audit('board.out', { addr: board.addr, kind: problem.kind, reason: problem.reason }, clock.now());
      logger.error('board.out', { addr: board.addr, kind: problem.kind, reason: problem.reason });
    }
  };

  return {
    async check() {
      // One at a time: the boards share one line, and the driver queues them anyway.
      for (const board of deps.boards) await probe(board);
    },
    async recheckDown() {
      for (const board of deps.boards) if (found.get(board.addr)?.kind === 'down') await probe(board);
    },
    problem: (addr) => found.get(addr)?.reason ?? null,
    problems: () => [...found.values()],
  };
};
