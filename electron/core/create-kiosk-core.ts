import type { IpcError } from '../contract/errors';
import { err, ok, type Result } from '../contract/result';
import type { KioskState, RedemptionResult, StartupStep } from '../contract/schemas';
import { createCodeCache } from './cache/code-cache';
import { loadCodeHasher } from './cache/code-hash';
import type { MachineConfig } from './config/schema';
import { KioskEvents } from './kiosk-events';
import type { BoardDriver } from './ports/board';
import type { Cancel, Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { KioskStore } from './ports/store';
import type { VendorCloud } from './ports/vendor-cloud';
import type { EngineDeps } from './redemption/deps';
import { createRedemptionEngine } from './redemption/engine';
import { flagVanishedAbandoned } from './redemption/abandoned-check';
import { flushOutbox } from './redemption/outbox-worker';
import { recordRestock, type Restocked, type RestockError } from './stock/restock';
import { createBoardHealth } from './boards/board-health';
import { createStockBooks } from './stock/stock-books';
import { recoverInterrupted } from './redemption/recovery';
import { readDiagnostics, type Diagnostics } from './diagnostics';
import { slotResolver } from './slot-resolver';
import { createThrottleGate } from './throttle/throttle-gate';

export type KioskCoreOptions = {
  readonly config: MachineConfig;
  readonly mode: 'demo' | 'live';
  /** Shown on screen in demo mode only. */
  readonly demoCodes?: readonly string[];
};

export type KioskAdapters = {
  readonly store: KioskStore;
  readonly cloud: VendorCloud;
  readonly board: BoardDriver;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly newTradeId: () => string;
  /** The key the cached codes are hashed under: from the OS-encrypted store, never the database. */
  readonly codeKey: Uint8Array;
  /** When the OS last started (epoch ms); unset means long ago, as a kiosk process restart looks. */
  readonly machineBootedAt?: () => number;
};

export type KioskStartOptions = {
  /** Waits (bounded) for the board's first answer, so recovery reads a board that is there. */
  readonly awaitBoard?: () => Promise<void>;
};

export type KioskCore = {
  /**
   * Waits for the board, resolves interrupted redemptions, fills the code cache (in the background when an
   * earlier fill is on disk), starts the background loops. Each step is published as `startupStep`.
   */
  start(options?: KioskStartOptions): Promise<void>;
  stop(): Promise<void>;
  getState(): KioskState;
  submitCode(code: string): Promise<Result<RedemptionResult, IpcError>>;
  on: KioskEvents['on'];
  diagnostics(): Diagnostics;
  clearSlotLock(addr: number, slot: number): boolean;
  /** Appends to the durable audit log, stamped with the core's clock (the maintenance screen's actions). */
  audit(kind: string, detail: Readonly<Record<string, unknown>>): void;
  /** Sends what the outbox owes; `retryNow` ignores the backoff of earlier failures. */
  flushOutbox(retryNow?: boolean): Promise<void>;
  refreshCache(): Promise<void>;
  /**
   * An operator settled what a code was owed (handed the items over, or refunded): nothing more is dispensed for
   * it. Answers how many units were settled; audited.
   */
  settleOwed(redemptionId: string): Result<number, 'not-found' | 'nothing-owed'>;
  /** An operator's count after filling a slot; reported to the cloud through the stock ledger. */
  recordRestock(productId: number, count: number): Result<Restocked, RestockError>;
};

const outboxIntervalMs = 5000;
/** A board that was down at start is asked again this often, and serves again once it answers. */
const boardRecheckMs = 60_000;
const retentionIntervalMs = 3_600_000;

/** The one composition of the kiosk core. The Electron entry, the CLI, the tests and the e2e harness call it. */
export const createKioskCore = (options: KioskCoreOptions, adapters: KioskAdapters): KioskCore => {
  const { config, mode } = options;
  const { store, cloud, board, clock, logger } = adapters;
  const events = new KioskEvents();
  const hash = loadCodeHasher(store, adapters.codeKey, logger);
  const books = createStockBooks({ store, cloud, clock, logger });
  const boards = createBoardHealth({ boards: config.boards, board, store, clock, logger });
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
  let phase: KioskState['phase'] = 'starting';
  let startupStep: StartupStep = 'board';
  let warmRefresh: Promise<unknown> | null = null;
  let redeeming: Promise<unknown> | null = null;
  const loops: Cancel[] = [];
  let stopped = false;
  // Read through a call: stop() flips it while start() or a submit is awaiting, which flow analysis cannot see.
  const isStopped = (): boolean => stopped;
  let outboxRunning: Promise<void> | null = null;

  const deps: EngineDeps = {
    store,
    cloud,
    board,
    clock,
    logger,
    cache,
    slotRequest: slotResolver(config.boards),
    newTradeId: adapters.newTradeId,
    machineBootedAt: adapters.machineBootedAt ?? (() => 0),
    boardProblem: (addr) => boards.problem(addr),
    emitProgress: (p) => {
      events.emit('progress', p);
    },
    settings: {
      offline:
        config.offline.policy === 'deny'
          ? { policy: 'deny' }
          : { policy: 'allow-cached', maxCacheAgeMs: config.offline.maxCacheAgeSeconds * 1000 },
      refreshOnMissAfterMs: config.cloud.refreshOnMissAfterSeconds * 1000,
      reporting: config.cloud.reporting,
      quarantineAfterFailures: config.slots.quarantineAfterFailures,
    },
  };
  const engine = createRedemptionEngine(deps, hash, throttle);

  /** A full refresh, then the check for abandoned redemptions whose code the cloud no longer lists. */
  const refreshCache = async (): Promise<Awaited<ReturnType<typeof cache.refresh>>> => {
    const refreshed = await cache.refresh();
    if (refreshed.ok) flagVanishedAbandoned(store, clock, logger);
    return refreshed;
  };

  /** Keeps the journal bounded: history past the retention window goes, anything still needed stays. */
  const prune = (): void => {
    const removed = store.pruneBefore(clock.now() - config.retention.days * 86_400_000);
    if (removed.redemptions > 0 || removed.audit > 0) logger.info('journal.pruned', removed);
  };

  const getState = (): KioskState => ({
    mode,
    phase,
    ...(phase === 'starting' ? { startupStep } : {}),
    machineName: config.machineName,
    language: config.language,
    board: board.linkStatus(),
    entryLockedUntil: throttle.lockedUntil(),
    demoCodes: mode === 'demo' ? [...(options.demoCodes ?? [])] : [],
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    ...(config.supportContact === '' ? {} : { supportContact: config.supportContact }),
  });
  const publish = (): void => {
    events.emit('state', getState());
  };

  const runOutbox = (retryNow = false): Promise<void> => {
    outboxRunning ??= flushOutbox({ store, cloud, clock, logger, books }, retryNow).finally(() => {
      outboxRunning = null;
    });
    return outboxRunning;
  };
  /**
   * A background loop: one pending timer per loop (replaced on each round, so nothing accumulates over
   * months of uptime), a failed round logged rather than left as an unhandled rejection, no round after stop().
   */
  const every = (name: string, ms: number, task: () => Promise<unknown>): void => {
    let cancel: Cancel = () => undefined;
    const tick = (): void => {
      if (isStopped()) return;
      cancel = clock.setTimer(ms, () => {
        void task()
          .catch((e: unknown) => {
            logger.error('core.loop-failed', {
              loop: name,
              error: e instanceof Error ? e.name : 'non-error',
            });
          })
          .finally(tick);
      });
    };
    loops.push(() => {
      cancel();
    });
    tick();
  };

  board.onLinkStatus(publish);

  const step = (next: StartupStep): void => {
    startupStep = next;
    publish();
  };
  /** Never rejects: a fill cut short by stop() (its database closed under it) is not an error worth a line. */
  const firstRefresh = async (): Promise<void> => {
    try {
      const refreshed = await refreshCache();
      if (!refreshed.ok)
        logger.warn('cache.refresh-failed', {
          cloud: refreshed.error.code,
          vendorCode: refreshed.error.vendorCode,
        });
    } catch (e) {
      if (!isStopped())
        logger.error('cache.refresh-threw', { error: e instanceof Error ? e.name : 'non-error' });
    }
  };

  return {
    async start(startOptions = {}) {
      step('board');
      await startOptions.awaitBoard?.();
      if (isStopped()) return;
      // Every configured board, not only the first: a dead or mis-configured one is out, the others serve.
      await boards.check();
      if (isStopped()) return;
      step('recovery');
      const recovered = await recoverInterrupted(deps, engine);
      if (recovered.stillOpen > 0) logger.warn('core.open-redemptions', { count: recovered.stillOpen });
      if (isStopped()) return;
      // A cache filled on an earlier run serves codes at once while it is refreshed; an empty one is filled first,
      // or every code would be refused as unknown until the cloud answered.
      if (cache.age() === null) {
        step('codes');
        await firstRefresh();
        if (isStopped()) return;
      } else {
        warmRefresh = firstRefresh().finally(() => {
          warmRefresh = null;
        });
      }
      phase = 'ready';
      publish();
      every('cache', config.cloud.cacheRefreshSeconds * 1000, refreshCache);
      every('outbox', outboxIntervalMs, () => runOutbox());
      every('boards', boardRecheckMs, () => boards.recheckDown());
      every('retention', retentionIntervalMs, () => {
        prune();
        return Promise.resolve();
      });
      logger.info('core.ready', { mode, outbox: store.outboxLength() });
    },
    async stop() {
      stopped = true;
      loops.splice(0).forEach((cancel) => {
        cancel();
      });
      // A customer mid-pickup gets their dispense finished; the outbox round and a background fill end too.
      await Promise.all([redeeming, outboxRunning, warmRefresh]);
    },
    getState,
    async submitCode(code) {
      if (phase !== 'ready' || isStopped()) return { ok: false, error: { code: 'busy' } };
      const submitted = engine.submit(code);
      redeeming = submitted;
      try {
        return await submitted;
      } finally {
        if (redeeming === submitted) redeeming = null;
        if (!isStopped()) publish();
      }
    },
    on: (event, listener) => events.on(event, listener),
    diagnostics: () =>
      readDiagnostics(store, {
        cacheAgeMs: cache.age(),
        clockSkewMs: cloud.clockSkewMs(),
        boardsOut: boards.problems(),
      }),
    clearSlotLock(addr, slot) {
      const cleared = store.clearSlotLock(addr, slot);
      if (cleared) store.audit('slot.unlocked', { addr, slot }, clock.now());
      return cleared;
    },
    audit(kind, detail) {
      store.audit(kind, detail, clock.now());
    },
    async flushOutbox(retryNow = false) {
      await outboxRunning;
      await runOutbox(retryNow);
    },
    async refreshCache() {
      await refreshCache();
    },
    settleOwed(redemptionId) {
      const r = store.getRedemption(redemptionId);
      if (!r) return err('not-found');
      if (r.owed === 0) return err('nothing-owed');
      const now = clock.now();
      store.transaction(() => {
        store.patchRedemption(r.id, { owed: 0 }, now);
        store.audit('owed.settled', { redemption: r.id, units: r.owed, by: 'operator' }, now);
      });
      logger.info('owed.settled', { redemption: r.id, code: r.codeMask, units: r.owed });
      return ok(r.owed);
    },
    // Reported by the next outbox round, within seconds.
    recordRestock: (productId, count) =>
      recordRestock({ store, clock, logger, reporting: config.cloud.reporting }, productId, count),
  };
};
