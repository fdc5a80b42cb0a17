import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMqttTransport } from '../../electron/adapters/mqtt-transport';
import { createNodeHttpClient } from '../../electron/adapters/node-http';
import { openStore } from '../../electron/adapters/sqlite/open-store';
import { systemClock } from '../../electron/adapters/system-clock';
import { createBoardDriver } from '../../electron/core/board/create-board-driver';
import { createTradeId } from '../../electron/core/cloud/trade-id';
import { createVendorCloud } from '../../electron/core/cloud/create-vendor-cloud';
import type { MachineConfigInput } from '../../electron/core/config/schema';
import { createKioskCore, type KioskCore } from '../../electron/core/create-kiosk-core';
import type { Clock } from '../../electron/core/ports/clock';
import type { KioskStore } from '../../electron/core/ports/store';
import { createInProcessBoard } from '../../electron/sim/board/in-process';
import { demoSeed } from '../../electron/sim/cloud/demo-seed';
import { startSimCloud, type SimCloud } from '../../electron/sim/cloud/server';
import { MemoryLogger } from '../fakes/memory-logger';
import { testConfig } from '../unit/core/redemption/harness';

/** Obviously fake: the live link signs with the AppKey by default. */
export const RIG_CREDENTIALS = {
  appId: 'TEST-APPID-not-real',
  appSecret: 'TEST-SECRET',
  appKey: 'TEST-APPKEY-not-real',
};
export const RIG_MACHINE_ID = '424242';

export type LiveRig = {
  readonly core: KioskCore;
  readonly cloud: SimCloud;
  readonly store: KioskStore;
  readonly logger: MemoryLogger;
  stop(): Promise<void>;
};

/**
 * The real core on the live link: the simulated cloud over HTTP with its MQTT side on `brokerUrl`, the kiosk's
 * MQTT.js transport to the same broker, the in-process board, SQLite on disk. The demo seed's machine.
 */
export const startLiveRig = async (
  brokerUrl: string,
  options: {
    readonly clock?: Clock;
    readonly config?: Partial<MachineConfigInput>;
    readonly start?: boolean;
  } = {},
): Promise<LiveRig> => {
  const clock = options.clock ?? systemClock;
  const logger = new MemoryLogger();
  const seed = demoSeed();
  const machineNo = seed.machine.machineNo;
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-live-'));
  const cloud = await startSimCloud({
    seed,
    credentials: RIG_CREDENTIALS,
    now: () => clock.now(),
    live: { brokerUrl, machineId: RIG_MACHINE_ID, key: RIG_CREDENTIALS.appKey },
  });
  const board = createInProcessBoard({
    clock,
    config: {
      boards: [
        { addr: 1, dropSensor: true },
        { addr: 2, dropSensor: false },
      ],
    },
  });
  const store = openStore(join(dir, 'kiosk.db'));
  const config = testConfig({
    machineNo,
    cloud: { baseUrl: cloud.baseUrl, notifyUrl: `${cloud.baseUrl}/notify`, refreshOnMissAfterSeconds: 30 },
    liveLink: { brokerUrl, machineId: RIG_MACHINE_ID, reconnectMaxSeconds: 2 },
    ...options.config,
  });
  const vendor = createVendorCloud({
    baseUrl: cloud.baseUrl,
    machineNo,
    notifyUrl: `${cloud.baseUrl}/notify`,
    credentials: RIG_CREDENTIALS,
    http: createNodeHttpClient(),
    clock,
    logger,
  });
  const core = createKioskCore(
    { config, mode: 'live' },
    {
      store,
      cloud: vendor,
      board: createBoardDriver({ link: board.link, clock, logger }),
      clock,
      logger,
      newTradeId: () => createTradeId(clock, Math.random),
      codeKey: Buffer.alloc(32, 0x5a),
      live: {
        transport: createMqttTransport({
          url: brokerUrl,
          clientId: machineNo,
          keepaliveSeconds: 10,
          answerTimeoutMs: 3000,
        }),
        keys: { appKey: RIG_CREDENTIALS.appKey, appId: RIG_CREDENTIALS.appId },
        env: () => ({
          appVersion: '0.0.0-test',
          os: 'linux',
          osVersion: 'test',
          screenWidth: 1080,
          screenHeight: 1920,
          language: 'en',
        }),
      },
    },
  );
  if (options.start ?? true) await core.start();
  return {
    core,
    cloud,
    store,
    logger,
    async stop() {
      await core.stop();
      await board.close();
      store.close();
      await cloud.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** Polls `check` on real time until it holds or `ms` pass; answers how long it took. */
export const waitFor = async (check: () => boolean, ms = 3000): Promise<number> => {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - started;
};
