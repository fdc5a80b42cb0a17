import type { Cancel, Clock } from '../../core/ports/clock';
import { runStatusCodes } from '../../core/protocol/modbus/constants';
import type { BoardFailure } from '../../core/protocol/modbus/fault-codes';
import { boardFailureCode } from '../../core/protocol/modbus/fault-codes';
import type { SimBoardConfig, SimConfig, SimFault } from './config';
import type { Ledger, LedgerEntry } from './ledger';

export type DispenseCommand = {
  readonly slot: number;
  readonly type: number;
  readonly check: boolean;
  readonly lift: boolean;
};
export type EngineEvent =
  | { readonly event: 'drop'; readonly entry: LedgerEntry }
  | {
      readonly event: 'settled';
      readonly addr: number;
      readonly slot: number;
      readonly runStatus: number;
      readonly faultCode: number;
    };

export type EngineDeps = {
  readonly board: SimBoardConfig;
  readonly config: SimConfig;
  readonly clock: Clock;
  readonly ledger: Ledger;
  readonly emit: (e: EngineEvent) => void;
};

/** The physical side of one board: motors, stock, drop sensor, locker doors, and what it reports. */
export const createBoardEngine = ({ board, config, clock, ledger, emit }: EngineDeps) => {
  let runStatus: number = runStatusCodes.idle;
  let faultCode = 0;
  let beamBlocked = false;
  let motor: Cancel | null = null;
  const stock = new Map<number, number>();
  const doorOpenUntil = new Map<number, number>();
  const slotValid = (slot: number): boolean =>
    Math.floor(slot / 10) < board.rows && slot % 10 < board.columns;
  const stockOf = (slot: number): number =>
    stock.get(slot) ?? board.stock[String(slot)] ?? board.defaultStock;
  const sensorClear = (): boolean => board.dropSensor && !beamBlocked;

  const settle = (slot: number, failure: BoardFailure | null): void => {
    motor = null;
    runStatus = failure ? runStatusCodes.fault : runStatusCodes.done;
    faultCode = failure ? boardFailureCode(failure) : 0;
    emit({ event: 'settled', addr: board.addr, slot, runStatus, faultCode });
  };
  const after = (ms: number, slot: number, work: () => BoardFailure | null): void => {
    motor = clock.setTimer(ms, () => {
      settle(slot, work());
    });
  };
  /** The item leaves the slot; whether anyone sees it depends on the sensor. */
  const drop = (slot: number): boolean => {
    const left = stockOf(slot);
    if (left <= 0) return false;
    stock.set(slot, left - 1);
    emit({ event: 'drop', entry: ledger.append(board.addr, slot, clock.now()) });
    return true;
  };
  const runTime = (cmd: DispenseCommand): number => {
    const m = config.motorMs;
    const base = [m.spring, m.spring, m.lock, m.conveyor, m.timed][cmd.type] ?? m.spring;
    return base + (cmd.lift ? config.liftMs : 0);
  };

  return {
    addr: board.addr,
    hasLift: board.lift,
    status: () => ({ runStatus, faultCode }),
    sensorClear,
    /** rows, columns, then a flags word: bit 0 drop sensor fitted, bit 1 lift fitted. */
    hardware: (): number[] => [
      board.rows,
      board.columns,
      0,
      (board.dropSensor ? 1 : 0) | (board.lift ? 2 : 0),
    ],
    boxClosed: (slot: number): boolean | null =>
      slotValid(slot) ? clock.now() >= (doorOpenUntil.get(slot) ?? 0) : null,
    /** False when the board is busy and refuses the command. */
    dispense(cmd: DispenseCommand, fault: SimFault | null): boolean {
      if (runStatus === runStatusCodes.busy) return false;
      runStatus = runStatusCodes.busy;
      faultCode = 0;
      const { slot } = cmd;
      const fixedType = board.slotTypes[String(slot)];
      if (!slotValid(slot)) after(20, slot, () => 'Slot Invalid');
      else if (fixedType !== undefined && fixedType !== cmd.type) after(20, slot, () => 'Slot Type Error');
      else if (cmd.lift && !board.lift) after(200, slot, () => 'Lift Comm Error');
      else if (fault?.kind === 'no-current') after(50, slot, () => 'Load No Current');
      else if (fault?.kind === 'motor-timeout') after(config.motorTimeoutMs, slot, () => 'Feedback Error');
      else if (fault?.kind === 'jam') {
        after(runTime(cmd), slot, () => {
          stock.set(slot, Math.max(0, stockOf(slot) - 1));
          return 'Goods are Stuck';
        });
      } else {
        if (fault?.kind === 'sensor-blocked') beamBlocked = true;
        after(runTime(cmd), slot, () => {
          if (cmd.type === 2) doorOpenUntil.set(slot, clock.now() + config.doorOpenMs);
          const dropped = drop(slot);
          return cmd.check && !(dropped && sensorClear()) ? 'Dlv Detect Error' : null;
        });
      }
      return true;
    },
    /** The operator cleared the machine: the beam is free again. */
    clearBeam(): void {
      beamBlocked = false;
    },
    close(): void {
      motor?.();
      motor = null;
    },
  };
};

export type BoardEngine = ReturnType<typeof createBoardEngine>;
