import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { createNodeHttpClient } from '../adapters/node-http';
import { openSerialLink } from '../adapters/serialport-link';
import { openStore } from '../adapters/sqlite/open-store';
import { systemClock } from '../adapters/system-clock';
import { createBoardDriver } from '../core/board/create-board-driver';
import { createTradeId } from '../core/cloud/trade-id';
import { createVendorCloud } from '../core/cloud/create-vendor-cloud';
import type { MachineConfig } from '../core/config/schema';
import { createKioskCore, type KioskCore } from '../core/create-kiosk-core';
import type { Clock } from '../core/ports/clock';
import type { Credentials } from '../core/ports/credentials';
import type { Logger } from '../core/ports/logger';
import type { SerialLink } from '../core/ports/serial-link';
import { startDemoSimulators } from './demo-simulators';

export type RuntimeMachine =
  | { readonly kind: 'demo' }
  | { readonly kind: 'machine'; readonly config: MachineConfig; readonly credentials: Credentials };

export type RuntimeOptions = {
  /** Folder for the kiosk database (the user-data folder in the app). */
  readonly dataDir: string;
  readonly machine: RuntimeMachine;
  readonly logger: Logger;
  readonly clock?: Clock;
};

export type Runtime = {
  readonly core: KioskCore;
  readonly mode: 'demo' | 'live';
  stop(): Promise<void>;
};

/** What the core runs against: the configured machine, or the demo's simulators standing in for it. */
type Wiring = {
  readonly config: MachineConfig;
  readonly credentials: Credentials;
  readonly link: SerialLink;
  readonly demoCodes: readonly string[] | null;
  readonly dbPath: string;
  afterBoard(probe: () => Promise<boolean>): Promise<void>;
  stop(): Promise<void>;
};

const wire = async (options: RuntimeOptions, clock: Clock): Promise<Wiring> => {
  const { machine, logger } = options;
  if (machine.kind === 'demo') {
    const demo = await startDemoSimulators(clock, logger);
    // The demo forgets its journal on every start, like its simulated cloud; a machine never does.
    return {
      ...demo,
      demoCodes: demo.codes,
      dbPath: ':memory:',
      afterBoard: () => Promise.resolve(),
      stop: () => demo.stop(),
    };
  }
  const serial = openSerialLink({
    path: machine.config.serial.path,
    baud: machine.config.serial.baud,
    logger,
  });
  return {
    config: machine.config,
    credentials: machine.credentials,
    link: serial,
    demoCodes: null,
    dbPath: join(options.dataDir, 'kiosk.db'),
    async afterBoard(probe) {
      // A pseudo-terminal or a USB adapter can vanish without a close event: a status read every few
      // seconds is what notices it.
      serial.setHeartbeat(probe);
      // Wait a little for the first answer, so the first screen shows the real board status; never wait
      // forever: a kiosk with an unplugged board still starts and says it is out of service.
      let giveUp: NodeJS.Timeout | undefined;
      await Promise.race([serial.settled(), new Promise((resolve) => (giveUp = setTimeout(resolve, 5000)))]);
      clearTimeout(giveUp);
    },
    stop: () => Promise.resolve(),
  };
};

const random = (): number => randomInt(0, 2 ** 31) / 2 ** 31;

/**
 * Wires real adapters to the one kiosk core. Demo mode starts the simulated cloud (over real HTTP on
 * 127.0.0.1) and the simulated board in-process; a machine opens its configured serial port and cloud.
 */
export const startRuntime = async (options: RuntimeOptions): Promise<Runtime> => {
  const clock = options.clock ?? systemClock;
  const { logger } = options;
  const wiring = await wire(options, clock);
  const { config } = wiring;
  const board = createBoardDriver({ link: wiring.link, clock, logger });
  const firstBoard = config.boards[0]?.addr ?? 1;
  await wiring.afterBoard(async () => (await board.shipmentStatus(firstBoard)).ok);
  const cloud = createVendorCloud({
    baseUrl: config.cloud.baseUrl,
    machineNo: config.machineNo,
    notifyUrl: config.cloud.notifyUrl,
    credentials: wiring.credentials,
    http: createNodeHttpClient(),
    clock,
    logger,
    timeoutMs: config.cloud.timeoutMs,
    random,
  });
  const store = openStore(wiring.dbPath);
  const mode = wiring.demoCodes === null ? 'live' : 'demo';
  const core = createKioskCore(
    { config, mode, demoCodes: wiring.demoCodes ?? [] },
    { store, cloud, board, clock, logger, newTradeId: () => createTradeId(clock, random) },
  );
  await core.start();

  return {
    core,
    mode,
    async stop() {
      await core.stop();
      await board.close();
      store.close();
      await wiring.stop();
    },
  };
};
