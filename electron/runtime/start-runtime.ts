import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeHttpClient } from '../adapters/node-http';
import { machineBootedAt } from '../adapters/machine-boot';
import { openSerialLink } from '../adapters/serialport-link';
import { openStore } from '../adapters/sqlite/open-store';
import { systemClock } from '../adapters/system-clock';
import { createBoardDriver } from '../core/board/create-board-driver';
import { createFrameRecorder } from '../core/board/recorder';
import { createTradeId } from '../core/cloud/trade-id';
import { createVendorCloud } from '../core/cloud/create-vendor-cloud';
import type { MachineConfig } from '../core/config/schema';
import { createKioskCore, type KioskCore } from '../core/create-kiosk-core';
import type { Clock } from '../core/ports/clock';
import type { StoredCredentials } from '../core/ports/credentials';
import type { Logger } from '../core/ports/logger';
import type { SerialLink } from '../core/ports/serial-link';
import { startDemoSimulators } from './demo-simulators';
import { liveAdapters, type MachineFacts } from './live-adapters';
import { openProductPhotos } from './open-product-photos';

export type RuntimeMachine =
  | { readonly kind: 'demo' }
  | {
      readonly kind: 'machine';
      readonly config: MachineConfig;
      /** With the alert key, when the provisioning file had one. */
      readonly credentials: StoredCredentials;
      /** The code-hash key, from the OS-encrypted store (main/credentials/code-key.ts): the same on every start. */
      readonly codeKey: Uint8Array;
    };

export type RuntimeOptions = {
  /** Folder for the kiosk database (the user-data folder in the app). */
  readonly dataDir: string;
  readonly machine: RuntimeMachine;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** When the OS started (adapters/machine-boot.ts by default); the crash test stands in a power cut with it. */
  readonly machineBootedAt?: () => number;
  /** What the live link tells the platform about this machine (the app's version, the display). */
  readonly facts?: MachineFacts;
};

export type Runtime = {
  readonly core: KioskCore;
  readonly mode: 'demo' | 'live';
  /** The configuration the core runs with: the machine's, or the demo's (with its documented PIN). */
  readonly config: MachineConfig;
  stop(): Promise<void>;
};

/** A runtime whose core exists (its state can be shown) but has not started: no board wait, recovery or fill yet. */
export type CreatedRuntime = Runtime & {
  /** Waits (bounded) for the board's first answer, then recovers and fills the cache; resolves when ready. */
  start(): Promise<void>;
};

/** What the core runs against: the configured machine, or the demo's simulators standing in for it. */
type Wiring = {
  readonly config: MachineConfig;
  readonly credentials: StoredCredentials;
  readonly link: SerialLink;
  readonly demoCodes: readonly string[] | null;
  readonly dbPath: string;
  readonly codeKey: Uint8Array;
  afterBoard(probe: () => Promise<boolean>): Promise<void>;
  stop(): Promise<void>;
};

const wire = async (options: RuntimeOptions, clock: Clock): Promise<Wiring> => {
  const { machine, logger } = options;
  mkdirSync(options.dataDir, { recursive: true });
  if (machine.kind === 'demo') {
    const demo = await startDemoSimulators(clock, logger);
    // The demo forgets its journal on every start, like its simulated cloud and board; a machine never does.
    // It is still a file, written exactly as a machine's is (WAL, synchronous=FULL), so a clean stop shows.
    const dbPath = join(options.dataDir, DEMO_DB_NAME);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    return {
      ...demo,
      demoCodes: demo.codes,
      dbPath,
      // The demo forgets its journal at every start, so a key of its own for this run is all it needs.
      codeKey: randomBytes(32),
      afterBoard: () => Promise.resolve(),
      stop: () => demo.stop(),
    };
  }
  const serial = openSerialLink({
    path: machine.config.serial.path,
    baud: machine.config.serial.baud,
    logger,
    // Backoff, heartbeat and write timeouts run on the same clock as the board driver above them.
    clock,
  });
  return {
    config: machine.config,
    credentials: machine.credentials,
    link: serial,
    demoCodes: null,
    dbPath: join(options.dataDir, 'kiosk.db'),
    codeKey: machine.codeKey,
    async afterBoard(probe) {
      // A pseudo-terminal or a USB adapter can vanish without a close event: a status read every few
      // seconds is what notices it.
      serial.setHeartbeat(probe);
      // Wait a little for the first answer, so the first screen shows the real board status; never wait
      // forever: a kiosk with an unplugged board still starts and says it is out of service.
      let giveUp: () => void = () => undefined;
      await Promise.race([
        serial.settled(),
        new Promise((resolve) => {
          giveUp = clock.setTimer(FIRST_ANSWER_WAIT_MS, () => {
            resolve(undefined);
          });
        }),
      ]);
      giveUp();
    },
    stop: () => Promise.resolve(),
  };
};

/** How long a start waits for the board's first answer before showing whatever the link says. */
const FIRST_ANSWER_WAIT_MS = 5000;

/**
 * How long a stop waits for work in flight. A dispense's units take seconds each; this stays under the app's
 * own stop bound (10 s), itself under systemd's TimeoutStopSec (15 s).
 */
export const STOP_DRAIN_MS = 8000;

/**
 * Chunks the black box holds. A dispense polls a few times a second and a reply may arrive in pieces, so a
 * minute around a fault is well under a thousand; the rest is margin for a noisy line. A few MB of memory at most.
 */
const RECORDER_CHUNKS = 20_000;

/** The demo's journal, in the data folder next to where a machine's kiosk.db would be. */
export const DEMO_DB_NAME = 'demo-kiosk.db';

const random = (): number => randomInt(0, 2 ** 31) / 2 ** 31;

/**
 * Wires real adapters to the one kiosk core, without starting it: the shell shows the core's "starting" state
 * while `start()` runs. Demo mode starts the simulated cloud (over real HTTP on 127.0.0.1) and the simulated
 * board in-process; a machine opens its configured serial port and cloud.
 */
export const createRuntime = async (options: RuntimeOptions): Promise<CreatedRuntime> => {
  const clock = options.clock ?? systemClock;
  const { logger } = options;
  const wiring = await wire(options, clock);
  const { config } = wiring;
  // Always on: every chunk on the line, so a field fault leaves its frames (see core/incidents).
  const recorder = createFrameRecorder(RECORDER_CHUNKS);
  const board = createBoardDriver({ link: wiring.link, clock, logger, recorder });
  const firstBoard = config.boards[0]?.addr ?? 1;
  const http = createNodeHttpClient();
  const cloud = createVendorCloud({
    baseUrl: config.cloud.baseUrl,
    machineNo: config.machineNo,
    notifyUrl: config.cloud.notifyUrl,
    credentials: wiring.credentials,
    http,
    clock,
    logger,
    timeoutMs: config.cloud.timeoutMs,
    random,
  });
  const store = openStore(wiring.dbPath);
  const photos = await openProductPhotos(cloud, store.listProducts(), options.dataDir, logger, clock);
  const mode = wiring.demoCodes === null ? 'live' : 'demo';
  const core = createKioskCore(
    { config, mode, demoCodes: wiring.demoCodes ?? [] },
    {
      store,
      cloud: photos.cloud,
      board,
      clock,
      logger,
      newTradeId: () => createTradeId(clock, random),
      codeKey: wiring.codeKey,
      machineBootedAt: options.machineBootedAt ?? machineBootedAt(),
      productPhoto: photos.photoOf,
      // The webhook goes out through the same client (TLS verified); its key only ever signs.
      alerts: { http, key: wiring.credentials.alertKey ?? null },
      recorder,
      live: liveAdapters(config, wiring.credentials, options.facts),
    },
  );
  let started: Promise<void> | null = null;
  let stopping: Promise<void> | null = null;

  return {
    core,
    mode,
    config,
    start() {
      started ??= core.start({
        awaitBoard: () => wiring.afterBoard(async () => (await board.shipmentStatus(firstBoard)).ok),
      });
      return started;
    },
    stop() {
      // Once, whoever asks (before-quit, SIGTERM, a test). Work in flight (a dispense, an outbox round, the start's
      // cloud calls) gets a bounded time to end; then the port and the journal close anyway. Closing between two
      // journal writes is what a crash does, and every step is journaled to survive exactly that.
      stopping ??= (async () => {
        const drained = Promise.all([started?.catch(() => undefined), core.stop()]).then(() => true);
        let cancel: () => void = () => undefined;
        const late = new Promise<false>((resolve) => {
          cancel = clock.setTimer(STOP_DRAIN_MS, () => {
            resolve(false);
          });
        });
        if (!(await Promise.race([drained, late])))
          logger.warn('runtime.stop-drain-timeout', { afterMs: STOP_DRAIN_MS });
        cancel();
        await board.close();
        store.close();
        await wiring.stop();
        logger.info('runtime.stopped', { journal: 'closed' });
      })();
      return stopping;
    },
  };
};

/** Wires and starts the kiosk: what the CLI, the tests and the crash harness run. */
export const startRuntime = async (options: RuntimeOptions): Promise<Runtime> => {
  const runtime = await createRuntime(options);
  try {
    await runtime.start();
  } catch (e) {
    await runtime.stop();
    throw e;
  }
  return runtime;
};
