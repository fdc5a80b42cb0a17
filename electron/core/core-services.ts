import { createAlerts } from './alerts/create-alerts';
import { watchCloud } from './alerts/cloud-watch';
import { createBoardHealth } from './boards/board-health';
import { createCodeCache } from './cache/code-cache';
import { loadCodeHasher } from './cache/code-hash';
import type { MachineConfig } from './config/schema';
import { createIncidentCapture } from './incidents/incident-capture';
import type { KioskAdapters } from './kiosk-core-types';
import { createStockBooks } from './stock/stock-books';
import { createThrottleGate } from './throttle/throttle-gate';

/**
 * The parts the core is composed of, each on the same adapters: built here so the composition in
 * create-kiosk-core.ts reads as what the kiosk does, not as how its parts are wired.
 */
export const createCoreServices = (config: MachineConfig, adapters: KioskAdapters) => {
  const { store, board, clock, logger } = adapters;
  // Every answer passes the alert watcher on its way back: a refused key or pickup codes switched off is seen.
  const cloudWatch = watchCloud(adapters.cloud, clock);
  const { cloud } = cloudWatch;
  const hash = loadCodeHasher(store, adapters.codeKey, logger);
  const books = createStockBooks({ store, cloud, clock, logger });
  const boards = createBoardHealth({ boards: config.boards, board, store, clock, logger });
  const alerts = createAlerts({
    config: config.alerts,
    machineNo: config.machineNo,
    machineName: config.machineName,
    store,
    clock,
    logger,
    boardProblems: () => boards.problems(),
    cloud: cloudWatch,
    adapters: adapters.alerts,
  });
  const incidents = createIncidentCapture({ store, clock, logger, recorder: adapters.recorder });
  const cache = createCodeCache({
    store,
    cloud,
    clock,
    logger,
    hash,
    concurrency: config.cloud.concurrency,
    books,
  });
  const throttle = createThrottleGate(store, clock, logger, config.throttle);
  return { cloud, hash, books, boards, alerts, incidents, cache, throttle };
};
