import type { Clock } from '../ports/clock';
import type { LiveTransport } from '../ports/live-transport';
import type { Logger } from '../ports/logger';
import type { OutboxStore } from '../ports/outbox-store';
import type { SealedMessage } from './live-message';

/** Rows read per pass; a long outage's backlog goes out in several passes, in order. */
const PASS = 100;

export type LiveOutboxDeps = {
  readonly store: OutboxStore;
  readonly transport: LiveTransport;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly topic: string;
  /** Signs at send time: the platform checks timestamps, and a message queued through an outage is sent later. */
  readonly seal: (fields: Readonly<Record<string, string>>) => SealedMessage;
};

export type LiveOutbox = {
  /**
   * Queues a message durably. Synchronous, so a caller inside a journal transaction queues it in the same
   * commit as the change it reports (a consume and its `client.pickup_codes.put` cannot be split by a crash).
   */
  enqueue(fields: Readonly<Record<string, string>>): void;
  /** Sends what waits, oldest first, while the broker acknowledges; one pass at a time, callers share it. */
  flush(): Promise<number>;
  pending(): number;
};

export const createLiveOutbox = (deps: LiveOutboxDeps): LiveOutbox => {
  const { store, transport, clock, logger } = deps;
  let running: Promise<number> | null = null;

  const drain = async (): Promise<number> => {
    let sent = 0;
    for (;;) {
      const rows = store.dueOutbox(Number.MAX_SAFE_INTEGER, PASS, 'live');
      if (rows.length === 0) return sent;
      for (const row of rows) {
        const fields = JSON.parse(row.payload) as Record<string, string>;
        const published = await transport.publish(deps.topic, deps.seal(fields).body);
        if (!published.ok) {
          // Stop at the first failure: a later message must never overtake an earlier one.
          logger.warn('live.send-deferred', {
            method: fields.method,
            error: published.error,
            waiting: rows.length,
          });
          return sent;
        }
        store.deleteOutbox([row.id]);
        sent++;
      }
    }
  };

  return {
    enqueue(fields) {
      store.enqueueOutbox('live', null, JSON.stringify(fields), clock.now());
    },
    flush() {
      running ??= drain().finally(() => {
        running = null;
      });
      return running;
    },
    pending: () => store.dueOutbox(Number.MAX_SAFE_INTEGER, 10_000, 'live').length,
  };
};
