import type { KioskState, StartupStep } from '../contract/schemas';
import { createBackgroundLoops } from './background-loops';
import { createCoreServices } from './core-services';
import { readDiagnostics } from './diagnostics';
import { clearSlotLock, pruneJournal, settleOwed } from './journal-upkeep';
import type { KioskAdapters, KioskCore, KioskCoreOptions } from './kiosk-core-types';
import { KioskEvents } from './kiosk-events';
import { createLiveLink, type LiveLink } from './live/create-live-link';
import { customerLanguages, readPushedSettings } from './live/pushed-settings';
import { createSoundControl } from './sound/sound-settings';
import { decidePoll, HOT_WINDOW_MS, hotProducts } from './cache/poll-plan';
import { createOperator } from './operator/create-operator';
import type { EngineDeps } from './redemption/deps';
import { createRedemptionEngine } from './redemption/engine';
import { engineSettings } from './redemption/engine-settings';
import { flagVanishedAbandoned } from './redemption/abandoned-check';
import { flushOutbox } from './redemption/outbox-worker';
import { recoverInterrupted } from './redemption/recovery';
import { slotResolver } from './slot-resolver';
import { recordRestock } from './stock/restock';

export type { KioskAdapters, KioskCore, KioskCoreOptions, KioskStartOptions } from './kiosk-core-types';

const outboxIntervalMs = 5000;
/** A board that was down at start is asked again this often, and serves again once it answers. */
const boardRecheckMs = 60_000;
const retentionIntervalMs = 3_600_000;
/** Stock and slot health changed by anything other than a pickup (an operator, recovery) reach the platform within this. */
const liveSlotsMs = 15_000;

/** The one composition of the kiosk core. The Electron entry, the CLI, the tests and the e2e harness call it. */
export const createKioskCore = (options: KioskCoreOptions, adapters: KioskAdapters): KioskCore => {
  const { config, mode } = options;
  const { store, board, clock, logger } = adapters;
  const { cloud, hash, books, boards, alerts, incidents, cache, throttle } = createCoreServices(
    config,
    adapters,
  );
  const events = new KioskEvents();
  let phase: KioskState['phase'] = 'starting';
  let startupStep: StartupStep = 'board';
  let warmRefresh: Promise<unknown> | null = null;
  let redeeming: Promise<unknown> | null = null;
  const loops = createBackgroundLoops(clock, logger);
  let stopped = false;
  // Read through a call: stop() flips it while start() or a submit is awaiting, which flow analysis cannot see.
  const isStopped = (): boolean => stopped;
  let outboxRunning: Promise<void> | null = null;
  let lastSubmitAt: number | null = null;
  // Read once and again only when the vendor pushes new ones: the state is published on every board event,
  // including one during shutdown after the journal has closed.
  let pushed = readPushedSettings(store);
  // Assigned once the operator tools exist; the engine's hooks read it when they run, long after.
  let live: LiveLink | null = null;
  const liveUp = (): boolean => live?.isUp() ?? false;
  const whileUpMs = config.liveLink.refreshSecondsWhileUp * 1000;

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
    ...(adapters.productPhoto === undefined ? {} : { productPhoto: adapters.productPhoto }),
    boardProblem: (addr) => boards.problem(addr),
    onUnitFault: (fault) => {
      incidents.capture(fault);
    },
    emitProgress: (p) => {
      events.emit('progress', p);
    },
    settings: engineSettings(config),
    onCodeUsed: (codeId) => {
      live?.codeUsed(codeId);
    },
    // While codes are pushed, a miss is almost surely a typo: one refresh an interval is the safety net.
    missRefreshAfterMs: () => (liveUp() ? whileUpMs : config.cloud.refreshOnMissAfterSeconds * 1000),
  };
  const engine = createRedemptionEngine(deps, hash, throttle);
  // Operator tools (electron/core/operator): a test holds the machine like a pickup; the service switch is kept.
  const operator = createOperator(deps, {
    ready: () => phase === 'ready' && !isStopped(),
    customerBusy: () => redeeming !== null,
    onServiceChange: () => {
      publish();
    },
  });
  const upkeep = { store, clock, logger };
  live = createLiveLink(config, adapters.live, {
    store,
    clock,
    logger,
    hash,
    cache,
    operator,
    refresh: () => refreshCache(),
    sinceCustomer: () => (lastSubmitAt === null ? null : clock.now() - lastSubmitAt),
    customerBusy: () => redeeming !== null,
    bootedAt: clock.now(),
    onChange: () => {
      publish();
    },
    onSettings: () => {
      pushed = readPushedSettings(store);
      publish();
    },
  });
  const pollSettings = {
    fullEveryMs: config.cloud.cacheRefreshSeconds * 1000,
    fullWhileUpMs: whileUpMs,
    hotProducts: config.cloud.hotProducts,
    wakeEveryMs: config.cloud.hotRefreshSeconds * 1000,
  };
  let fullTriedAt: number | null = null;
  const poll = async (): Promise<unknown> => {
    const decision = decidePoll(pollSettings, {
      linkUp: liveUp(),
      cacheAgeMs: cache.age(),
      sinceFullTryMs: fullTriedAt === null ? null : clock.now() - fullTriedAt,
      hot: () => {
        const since = clock.now() - HOT_WINDOW_MS;
        const max = config.cloud.hotProducts;
        return hotProducts(store.recentProductIds(since, max), cache.recentlyActive(since), max);
      },
      catalogue: () => store.listProducts().length,
    });
    if (decision.kind === 'full') {
      fullTriedAt = clock.now();
      return refreshCache();
    }
    if (decision.kind === 'hot') return cache.refreshProducts(decision.productIds);
    return undefined;
  };
  const reportSlots = (): void => {
    live?.reportSlots(store.listProducts());
  };

  /** A full refresh, then the check for abandoned redemptions whose code the cloud no longer lists. */
  const refreshCache = async (): Promise<Awaited<ReturnType<typeof cache.refresh>>> => {
    const refreshed = await cache.refresh();
    if (refreshed.ok) flagVanishedAbandoned(store, clock, logger);
    return refreshed;
  };

  const sound = createSoundControl(store, config.sound);
  const getState = (): KioskState => ({
    mode,
    phase: phase === 'ready' && !operator.service().inService ? 'out-of-service' : phase,
    ...(phase === 'starting' ? { startupStep } : {}),
    machineName: config.machineName,
    ...customerLanguages(pushed, config),
    attract: pushed.attract ?? config.attractScreen,
    sound: sound.current(),
    board: board.linkStatus(),
    entryLockedUntil: throttle.lockedUntil(),
    demoCodes: mode === 'demo' ? [...(options.demoCodes ?? [])] : [],
    idleTimeoutSeconds: pushed.idleTimeoutSeconds ?? config.idleTimeoutSeconds,
    ...(config.supportContact === '' ? {} : { supportContact: config.supportContact }),
  });
  const publish = (): void => {
    events.emit('state', getState());
  };

  const runOutbox = (retryNow = false): Promise<void> => {
    const onCodeUsed = (codeId: number): void => {
      live?.codeUsed(codeId);
    };
    outboxRunning ??= flushOutbox({ store, cloud, clock, logger, books, onCodeUsed }, retryNow).finally(
      () => {
        outboxRunning = null;
      },
    );
    return outboxRunning;
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
      await operator.recover();
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
      // Woken often, so a link that drops is followed by polling within a minute (core/cache/poll-plan.ts).
      loops.every('cache', config.cloud.hotRefreshSeconds * 1000, () => poll());
      loops.every('outbox', outboxIntervalMs, () => runOutbox());
      alerts.start(loops);
      loops.every('boards', boardRecheckMs, () => boards.recheckDown());
      loops.every('retention', retentionIntervalMs, () => {
        pruneJournal(upkeep, config.retention.days);
      });
      if (live) {
        live.start(loops);
        loops.every('live-slots', liveSlotsMs, reportSlots);
      }
      logger.info('core.ready', { mode, outbox: store.outboxLength() });
    },
    async stop() {
      stopped = true;
      loops.stopAll();
      live?.halt();
      alerts.halt();
      // A customer mid-pickup (or an operator's test) gets the dispense finished. Then, before anything slower,
      // an incident still inside its window is completed with the frames it has: the runtime closes the journal
      // after a bounded wait, and evidence must not depend on a slow webhook.
      await Promise.allSettled([redeeming, operator.idle()]);
      incidents.flush();
      // The outbox round, a background fill and the alert request in flight end too; a failure there is logged
      // where it happened and must not stop the rest of the shutdown.
      await Promise.allSettled([outboxRunning, warmRefresh, alerts.inFlight(), live?.stop()]);
    },
    getState,
    async submitCode(code) {
      if (phase !== 'ready' || isStopped() || operator.testing())
        return { ok: false, error: { code: 'busy' } };
      if (!operator.service().inService) return { ok: false, error: { code: 'out-of-service' } };
      lastSubmitAt = clock.now();
      const submitted = engine.submit(code);
      redeeming = submitted;
      try {
        return await submitted;
      } finally {
        if (redeeming === submitted) redeeming = null;
        if (!isStopped()) {
          publish();
          // Off the customer's path: the stock change goes to the platform a moment after the answer.
          if (live)
            clock.setTimer(1000, () => {
              if (!isStopped()) reportSlots();
            });
        }
      }
    },
    on: (event, listener) => events.on(event, listener),
    diagnostics: () =>
      readDiagnostics(store, {
        cacheAgeMs: cache.age(),
        clockSkewMs: cloud.clockSkewMs(),
        boardsOut: boards.problems(),
        liveLink: live?.view() ?? null,
      }),
    clearSlotLock: (addr, slot) => clearSlotLock(upkeep, addr, slot),
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
    settleOwed: (redemptionId) => settleOwed(upkeep, redemptionId),
    setSound(change) {
      const { settings, changed } = sound.change(change);
      if (changed) {
        logger.info('sound.changed', { volume: settings.volume, muted: settings.muted });
        publish();
      }
      return settings;
    },
    operator,
    // Reported by the next outbox round, within seconds.
    recordRestock: (productId, count) =>
      recordRestock({ store, clock, logger, reporting: config.cloud.reporting }, productId, count),
  };
};
