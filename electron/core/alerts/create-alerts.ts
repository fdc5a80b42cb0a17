import { randomUUID } from 'node:crypto';
import type { BackgroundLoops } from '../background-loops';
import type { BoardProblem } from '../boards/board-health';
import type { AlertsConfig } from '../config/alerts-schema';
import type { Clock } from '../ports/clock';
import type { HttpClient } from '../ports/http';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';
import { sendDueAlerts } from './alert-sender';
import type { AlertSettings } from './alert-types';
import { createAlertWatcher } from './alert-watcher';
import type { CloudWatch } from './cloud-watch';

/** What the shell hands the core for alerts: a way out, and the key from the provisioning file (or none). */
export type AlertAdapters = {
  readonly http: HttpClient;
  readonly key: string | null;
};

export type Alerts = {
  /** Starts the watcher and the sender on the core's loops, or logs once why alerts stay off. */
  start(loops: BackgroundLoops): void;
  /** The webhook round in flight, if any: a stop waits for it as for the outbox round. */
  inFlight(): Promise<void> | null;
  /** The kiosk is stopping: the round in flight ends after its current request. */
  halt(): void;
};

export type AlertsDeps = {
  readonly config: AlertsConfig;
  readonly machineNo: string;
  readonly machineName: string;
  readonly store: KioskStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly boardProblems: () => readonly BoardProblem[];
  readonly cloud: Pick<CloudWatch, 'auth' | 'pickupCodes'>;
  readonly adapters?: AlertAdapters;
  readonly newId?: () => string;
};

/** Conditions are looked at this often; every condition alerted on lasts minutes, so 30 s is soon enough. */
export const ALERT_LOOK_MS = 30_000;
/** Due alerts are sent this often, like the outbox's reports. */
export const ALERT_SEND_MS = 5000;

export const alertSettings = (config: AlertsConfig): AlertSettings => ({
  boardDownMs: config.boardDownMinutes * 60_000,
  outboxAlertAt: config.outboxAlertAt,
  outboxAlertAfterMs: config.outboxAlertAfterMinutes * 60_000,
  maxPerHour: config.maxPerHour,
});

/** Alerts left from a run that had a webhook: with none now, nobody would ever send them. */
const dropQueued = (store: KioskStore): number => {
  let dropped = 0;
  for (;;) {
    const rows = store.dueOutbox(Number.MAX_SAFE_INTEGER, 100, 'alert');
    if (rows.length === 0) return dropped;
    store.deleteOutbox(rows.map((row) => row.id));
    dropped += rows.length;
  }
};

export const createAlerts = (deps: AlertsDeps): Alerts => {
  const { config, store, clock, logger } = deps;
  let sending: Promise<void> | null = null;
  let halted = false;
  return {
    start(loops) {
      const url = config.webhookUrl;
      if (url === null) {
        logger.info('alerts.off', { reason: 'no alerts.webhookUrl in the machine configuration' });
        const dropped = dropQueued(store);
        if (dropped > 0) logger.warn('alerts.queue-dropped', { count: dropped });
        return;
      }
      const key = deps.adapters?.key ?? null;
      if (deps.adapters === undefined || key === null || key === '') {
        // Unsigned alerts would let anyone who learns the URL post look-alikes; off is the safe side.
        logger.error('alerts.refused', {
          reason:
            deps.adapters === undefined
              ? 'alerts.webhookUrl is set but the kiosk was started without a way to send them'
              : 'alerts.webhookUrl is set but the provisioning file had no alertKey: provision the machine again with $KIOSK_ALERTKEY set',
        });
        return;
      }
      const { http } = deps.adapters;
      const watcher = createAlertWatcher({
        store,
        clock,
        logger,
        machineNo: deps.machineNo,
        machineName: deps.machineName,
        settings: alertSettings(config),
        boardProblems: deps.boardProblems,
        cloud: deps.cloud,
        newId: deps.newId ?? randomUUID,
      });
      const send = (): Promise<void> => {
        sending ??= sendDueAlerts({
          store,
          http,
          clock,
          logger,
          webhookUrl: url,
          key,
          stopped: () => halted,
        }).finally(() => {
          sending = null;
        });
        return sending;
      };
      logger.info('alerts.on', { host: new URL(url).host, maxPerHour: config.maxPerHour });
      // A first look at once: the boards were just checked, so a dead one is timed from now, not 30 s later.
      try {
        watcher.look();
      } catch (e) {
        logger.error('alerts.look-failed', { error: e instanceof Error ? e.name : 'non-error' });
      }
      loops.every('alerts-look', ALERT_LOOK_MS, () => {
        watcher.look();
      });
      loops.every('alerts-send', ALERT_SEND_MS, send);
    },
    inFlight: () => sending,
    halt() {
      halted = true;
    },
  };
};
