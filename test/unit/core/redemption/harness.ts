import { openStore } from '../../../../electron/adapters/sqlite/open-store';
import type { RedemptionProgress } from '../../../../electron/contract/schemas';
import { createTradeId } from '../../../../electron/core/cloud/trade-id';
import { machineConfigSchema, type MachineConfigInput } from '../../../../electron/core/config/schema';
import {
  createKioskCore,
  type KioskAdapters,
  type KioskCore,
} from '../../../../electron/core/create-kiosk-core';
import type { KioskStore } from '../../../../electron/core/ports/store';
import { demoSeed } from '../../../../electron/sim/cloud/demo-seed';
import type { SimSeed } from '../../../../electron/sim/cloud/seed-schema';
import { SimCloudState } from '../../../../electron/sim/cloud/state';
import { FakeBoardDriver } from '../../../fakes/fake-board-driver';
import { FakeVendorCloud } from '../../../fakes/fake-vendor-cloud';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';

/** Demo codes by quantity (see electron/sim/cloud/demo-seed.ts). */
export const codes = {
  one: '24681357',
  two: '13572468',
  three: '11223344',
  boardTwo: '55667788',
  spare: '80808080',
} as const;

export type Harness = {
  core: KioskCore;
  store: KioskStore;
  cloud: FakeVendorCloud;
  state: SimCloudState;
  board: FakeBoardDriver;
  clock: ManualClock;
  logger: MemoryLogger;
  progress: RedemptionProgress[];
  /** A new core on the same store, cloud and board: what a restart after a crash looks like. */
  restart(): Promise<KioskCore>;
  /** The same, after the whole machine lost power: the OS booted after everything journaled so far. */
  restartAfterPowerCut(): Promise<KioskCore>;
};

export const testConfig = (overrides: Partial<MachineConfigInput> = {}) =>
  machineConfigSchema.parse({
    machineNo: '12345678',
    cloud: {
      baseUrl: 'https://cloud.invalid',
      notifyUrl: 'https://cloud.invalid/notify',
      refreshOnMissAfterSeconds: 30,
      // The pace these tests were written against; the default is 20 minutes with hot products in between.
      cacheRefreshSeconds: 300,
    },
    serial: { path: '/dev/null' },
    boards: [
      { addr: 1, defaultSlotType: 1, dropSensor: true },
      { addr: 2, defaultSlotType: 3 },
    ],
    ...overrides,
  });

let seq = 0;
/** An obviously fake code-hash key; a restart of the harness's core keeps it, as the encrypted store would. */
export const TEST_CODE_KEY = Buffer.alloc(32, 0x11);

export const startHarness = async (
  overrides: Partial<MachineConfigInput> = {},
  start = true,
  seed: SimSeed = demoSeed(),
  /** Adapters beyond the harness's own (the live link's transport, say). */
  extra: Pick<KioskAdapters, 'live' | 'productPhoto'> = {},
): Promise<Harness> => {
  const clock = new ManualClock();
  const logger = new MemoryLogger();
  const state = new SimCloudState(seed, { now: () => clock.now() });
  const cloud = new FakeVendorCloud(state, clock);
  const board = new FakeBoardDriver();
  const store = openStore(':memory:');
  const progress: RedemptionProgress[] = [];
  const config = testConfig(overrides);
  let bootedAt = 0;
  const make = (): KioskCore => {
    const core = createKioskCore(
      { config, mode: 'live' },
      {
        store,
        cloud,
        board,
        clock,
        logger,
        newTradeId: () => createTradeId(clock, () => (seq++ % 1000) / 1000),
        codeKey: TEST_CODE_KEY,
        machineBootedAt: () => bootedAt,
        ...extra,
      },
    );
    core.on('progress', (p) => progress.push(p));
    return core;
  };
  const core = make();
  if (start) await core.start();
  return {
    core,
    store,
    cloud,
    state,
    board,
    clock,
    logger,
    progress,
    async restart() {
      const next = make();
      await next.start();
      return next;
    },
    async restartAfterPowerCut() {
      await clock.advance(1000);
      bootedAt = clock.now();
      const next = make();
      await next.start();
      return next;
    },
  };
};

export const consumeCalls = (h: Harness): number => h.cloud.calls.filter((c) => c.call === 'consume').length;
