import type { BoardProblem } from '../boards/board-health';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';
import { observe } from './alert-conditions';
import { decide } from './alert-decide';
import { loadLedger, saveLedger } from './alert-ledger';
import { createBoardClock, takeSnapshot } from './alert-snapshot';
import type { AlertPayload, AlertSettings } from './alert-types';
import type { CloudWatch } from './cloud-watch';

export type AlertWatcherDeps = {
  readonly store: KioskStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly machineNo: string;
  readonly machineName: string;
  readonly settings: AlertSettings;
  readonly boardProblems: () => readonly BoardProblem[];
  readonly cloud: Pick<CloudWatch, 'auth' | 'pickupCodes'>;
  readonly newId: () => string;
};

export type AlertWatcher = {
  /** One look at the core's state: new conditions are queued as alerts, ended ones forgotten (or cleared). */
  look(): void;
};

/**
 * Reads the core's state rather than being called by the engine, so no redemption step knows alerts exist and
 * none waits for one. The alerts and the ledger that says they were sent commit together: a crash between the
 * two can neither lose an alert nor send it twice.
 */
export const createAlertWatcher = (deps: AlertWatcherDeps): AlertWatcher => {
  const { store, clock, logger } = deps;
  const boardClock = createBoardClock();
  return {
    look() {
      const now = clock.now();
      const snapshot = takeSnapshot(store, {
        now,
        boards: boardClock(deps.boardProblems(), now),
        auth: deps.cloud.auth(),
        pickupCodes: deps.cloud.pickupCodes(),
      });
      const previous = loadLedger(store);
      const decision = decide(
        previous,
        observe(snapshot, deps.settings),
        now,
        deps.settings.maxPerHour,
        deps.newId,
      );
      // Nothing new most of the time: skip the write (each one is an fsync) when the ledger did not change.
      if (JSON.stringify(decision.ledger) === JSON.stringify(previous)) return;
      const at = new Date(now).toISOString();
      store.transaction(() => {
        for (const alert of decision.outgoing) {
          const payload: AlertPayload = {
            id: alert.id,
            kind: alert.kind,
            severity: alert.severity,
            machineNo: deps.machineNo,
            machineName: deps.machineName,
            at,
            summary: alert.summary,
            detail: alert.detail,
          };
          store.enqueueOutbox('alert', null, JSON.stringify(payload), now);
          // The audit log keeps what was said and when, for the operator, after the outbox row has gone.
          store.audit('alert.queued', { id: alert.id, kind: alert.kind }, now);
        }
        saveLedger(store, decision.ledger);
      });
      for (const alert of decision.outgoing)
        logger.info('alert.queued', { id: alert.id, kind: alert.kind, severity: alert.severity });
      for (const held of decision.heldBack)
        logger.warn('alert.rate-limited', {
          kind: held.kind,
          key: held.key,
          maxPerHour: deps.settings.maxPerHour,
        });
      for (const key of decision.lost) logger.warn('alert.lost-to-rate-limit', { key });
    },
  };
};
