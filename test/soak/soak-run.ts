import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../electron/adapters/sqlite/open-store';
import { systemClock } from '../../electron/adapters/system-clock';
import { createBoardDriver } from '../../electron/core/board/create-board-driver';
import { createTradeId } from '../../electron/core/cloud/trade-id';
import { createKioskCore } from '../../electron/core/create-kiosk-core';
import { createInProcessBoard } from '../../electron/sim/board/in-process';
import { simSeedSchema } from '../../electron/sim/cloud/seed-schema';
import { SimCloudState } from '../../electron/sim/cloud/state';
import { FakeVendorCloud } from '../fakes/fake-vendor-cloud';
import type { Logger } from '../../electron/core/ports/logger';
import { testConfig } from '../unit/core/redemption/harness';

export type SoakReport = {
  readonly redemptions: number;
  readonly outcomes: Record<string, number>;
  readonly faultsInjected: number;
  readonly stuck: number;
  readonly outboxLeft: number;
  readonly unreported: number;
  readonly millis: number;
  readonly rssStartMb: number;
  readonly rssEndMb: number;
  readonly heapStartMb: number;
  readonly heapEndMb: number;
};

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** A deterministic pseudo-random sequence, so a failing soak can be repeated with its seed. */
const lcg = (seed: number) => {
  let s = seed >>> 0;
  return (): number => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
};

/**
 * Many redemptions through the real core, the real board driver and the simulated board (in-process, real
 * Modbus frames), the in-memory cloud and an on-disk SQLite journal, with random cloud and board faults.
 */
export const runSoak = async (redemptions: number, seed = 7, faultRate = 0.15): Promise<SoakReport> => {
  const random = lcg(seed);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-soak-'));
  const products = Array.from({ length: 20 }, (_, i) => ({
    id: 1000 + i,
    name: `Soak item ${i}`,
    price: '1.00',
    cabinet: 'A',
    addr: 1,
    slot: i,
    stock: 1_000_000,
    capacity: 1_000_000,
  }));
  const state = new SimCloudState(
    simSeedSchema.parse({
      machine: { machineNo: '12345678', name: 'Soak machine', cabinets: ['A'] },
      products,
      codes: [],
    }),
  );
  for (let made = 0; made < redemptions; made += 100) {
    state.createCodes({
      productId: 1000 + ((made / 100) % 20),
      count: Math.min(100, redemptions - made),
      codeLength: 8,
      expiresAt: null,
    });
  }
  const codes = state.codes().map((c) => c.code);
  const cloud = new FakeVendorCloud(state);
  const board = createInProcessBoard({
    config: {
      boards: [{ addr: 1, defaultStock: 1_000_000 }],
      motorMs: { lock: 0, spring: 0, conveyor: 0, timed: 0 },
      replyDelayMs: 0,
    },
  });
  // A logger that keeps nothing: the memory figures are the kiosk's, not a test log's.
  const noop = (): void => undefined;
  const logger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
  const driver = createBoardDriver({
    link: board.link,
    clock: systemClock,
    logger,
    pollIntervalMs: 2,
    requestTimeoutMs: 200,
  });
  const store = openStore(join(dir, 'kiosk.db'));
  const config = testConfig({ throttle: { maxWrongCodes: 50 }, boards: [{ addr: 1, dropSensor: true }] });
  const core = createKioskCore(
    { config, mode: 'live' },
    {
      store,
      cloud,
      board: driver,
      clock: systemClock,
      logger,
      newTradeId: () => createTradeId(systemClock, random),
      codeKey: Buffer.alloc(32, 0x50),
    },
  );
  await core.start();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapStart = process.memoryUsage();
  const started = Date.now();
  const outcomes: Record<string, number> = {};
  let faultsInjected = 0;

  const injectFault = (): void => {
    const r = random();
    faultsInjected++;
    if (r < 0.2) cloud.failNext('network', 'consume');
    else if (r < 0.35) cloud.loseNextAnswer('consume');
    else if (r < 0.45) cloud.failNext('timeout', 'uploadOrders');
    else if (r < 0.6) board.sim.injectFault({ kind: 'jam' });
    else if (r < 0.7) board.sim.injectFault({ kind: 'lost-reply' });
    else if (r < 0.8) board.sim.injectFault({ kind: 'corrupt-crc', on: 'shipment-status' });
    else if (r < 0.9) board.sim.injectFault({ kind: 'garbage', on: 'any' });
    else board.sim.injectFault({ kind: 'no-current' });
  };

  for (const [i, code] of codes.entries()) {
    if (random() < faultRate) injectFault();
    // A customer retries once when told the cloud is unreachable.
    let result = await core.submitCode(code);
    if (!result.ok && result.error.code === 'cloud-unreachable') result = await core.submitCode(code);
    const key = result.ok ? result.value.outcome : result.error.code;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    // The operator clears a locked slot: the soak is about the engine, not about a slot staying shut.
    for (const lock of core.diagnostics().slotLocks) core.clearSlotLock(lock.addr, lock.slot);
    board.sim.clearFaults();
    if (i % 100 === 99) await core.flushOutbox();
  }
  // The cloud is healthy again: whatever the outbox still owes goes out now (scripted faults may fail a few sends).
  for (let pass = 0; pass < 20 && core.diagnostics().outboxLength > 0; pass++) await core.flushOutbox(true);
  const millis = Date.now() - started;
  gc?.();
  const heapEnd = process.memoryUsage();
  const diagnostics = core.diagnostics();
  const report: SoakReport = {
    redemptions: codes.length,
    outcomes,
    faultsInjected,
    stuck: diagnostics.openRedemptions,
    outboxLeft: diagnostics.outboxLength,
    unreported: store.listRedemptions(['completed']).length,
    millis,
    rssStartMb: mb(heapStart.rss),
    rssEndMb: mb(heapEnd.rss),
    heapStartMb: mb(heapStart.heapUsed),
    heapEndMb: mb(heapEnd.heapUsed),
  };
  await core.stop();
  await driver.close();
  await board.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return report;
};
