import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SerialportLink } from '../../electron/adapters/serialport-link';
import { openSerialLink } from '../../electron/adapters/serialport-link';
import { systemClock } from '../../electron/adapters/system-clock';
import type { BoardDriverWithDiagnostics } from '../../electron/core/board/create-board-driver';
import { createBoardDriver } from '../../electron/core/board/create-board-driver';
import type { BoardDriverOptions } from '../../electron/core/board/options';
import type { DispenseOutcome, DispenseRequest } from '../../electron/core/ports/board';
import type { SimConfigInput } from '../../electron/sim/board/config';
import { readLedger } from '../../electron/sim/board/ledger';
import { MemoryLogger } from '../fakes/memory-logger';
import type { SimBoardProcess } from './sim-board-process';
import { startSimBoardProcess } from './sim-board-process';
import type { PtyPair } from './socat';
import { startPtyPair } from './socat';

/**
 * Short motor times keep the integration suites fast; the protocol and timing rules are unchanged. The timed
 * motor runs 1 s (the vendor's upper figure), longer than a reply timeout, so a lost reply is followed by a
 * status read that finds the motor still running, as with a real motor on a 9600-baud line.
 */
export const fastSimConfig: SimConfigInput = {
  boards: [
    { addr: 1, defaultStock: 1000 },
    { addr: 2, dropSensor: false },
  ],
  motorMs: { lock: 40, spring: 60, conveyor: 80, timed: 1000 },
  liftMs: 40,
  replyDelayMs: 2,
  motorTimeoutMs: 1500,
  doorOpenMs: 200,
};

export type Trial = {
  readonly outcome: DispenseOutcome;
  /** Dispense commands the simulator received during the trial. */
  readonly dispenses: number;
  /** Items that really dropped since the trial began (the ledger read now). */
  dropped(): number;
};

export const dispenseReq = (over: Partial<DispenseRequest> = {}): DispenseRequest => ({
  addr: 1,
  slot: 21,
  type: 1,
  dropCheck: false,
  lift: false,
  ...over,
});

/** The real thing end to end: socat pty pair, simulator process, serialport link, board driver. */
export type BoardRig = {
  readonly pty: PtyPair;
  readonly dir: string;
  readonly configPath: string;
  readonly ledgerPath: string;
  sim: SimBoardProcess;
  readonly link: SerialportLink;
  readonly driver: BoardDriverWithDiagnostics;
  readonly logger: MemoryLogger;
  restartSim(): Promise<SimBoardProcess>;
  /** Arms a fault (if any), dispenses, and reports what the wire and the ledger saw. */
  trial(fault: object | null, request?: DispenseRequest): Promise<Trial>;
  stop(): Promise<void>;
};

export const startBoardRig = async (
  options: {
    config?: SimConfigInput;
    driver?: Partial<BoardDriverOptions>;
    link?: Partial<Parameters<typeof openSerialLink>[0]>;
  } = {},
): Promise<BoardRig> => {
  const pty = await startPtyPair();
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-board-'));
  const configPath = join(dir, 'sim-board.json');
  const ledgerPath = join(dir, 'ledger.jsonl');
  writeFileSync(configPath, JSON.stringify(options.config ?? fastSimConfig));
  const start = () => startSimBoardProcess({ port: pty.board, configPath, ledgerPath });
  const logger = new MemoryLogger();
  const sim = await start();
  const link = openSerialLink({ path: pty.kiosk, baud: 9600, logger, ...options.link });
  const driver = createBoardDriver({
    link,
    clock: systemClock,
    logger,
    // Generous enough for a loaded CI machine; the timed motor's window covers its 1 s run.
    requestTimeoutMs: 400,
    pollIntervalMs: 25,
    busyWindowMs: { lock: 1000, motor: 1000, conveyor: 1000, default: 4000 },
    ...options.driver,
  });
  await link.settled();
  const rig: BoardRig = {
    pty,
    dir,
    configPath,
    ledgerPath,
    sim,
    link,
    driver,
    logger,
    async trial(fault, request = dispenseReq()) {
      if (fault) {
        const answer = await rig.sim.control({ cmd: 'fault', fault });
        if (answer.event !== 'fault-armed')
          throw new Error(`simulator refused the fault: ${JSON.stringify(answer)}`);
      }
      const mark = rig.sim.lines.length;
      const drops = readLedger(ledgerPath).length;
      const outcome = await driver.dispense(request);
      return {
        outcome,
        dispenses: rig.sim.dispensesSince(mark),
        dropped: () => readLedger(ledgerPath).length - drops,
      };
    },
    async restartSim() {
      await rig.sim.kill();
      rig.sim = await start();
      return rig.sim;
    },
    async stop() {
      await driver.close();
      await rig.sim.kill();
      await pty.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return rig;
};
