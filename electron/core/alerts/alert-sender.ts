import { z } from 'zod';
import type { Clock } from '../ports/clock';
import type { HttpClient } from '../ports/http';
import type { Logger } from '../ports/logger';
import type { KioskStore, OutboxRow } from '../ports/store';
import { outboxDelayMs } from '../redemption/outbox-worker';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';

export type AlertSenderDeps = {
  readonly store: KioskStore;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly webhookUrl: string;
  /** The HMAC key from the provisioning file; it signs and is never sent, stored in a row or logged. */
  readonly key: string;
  /** The kiosk is stopping: no new request starts (what is queued stays queued, with its id). */
  readonly stopped: () => boolean;
};

/**
 * One webhook request may take this long; the receiver should answer at once and work afterwards. Well under the
 * runtime's stop budget (STOP_DRAIN_MS), so a stop waits for the one request in flight and its row is settled.
 */
export const ALERT_TIMEOUT_MS = 5_000;
/** Alerts sent per round, oldest first: a long queue after an outage drains over a few rounds. */
const PER_ROUND = 10;
/** An alert still undelivered after a day is news nobody can act on any more; it goes, with a log line. */
export const ALERT_MAX_AGE_MS = 86_400_000;

/** Only what the log names; the body itself is sent as it was stored. */
const headSchema = z.object({ id: z.string(), kind: z.string(), at: z.iso.datetime() });

const readHead = (payload: string): z.infer<typeof headSchema> | null => {
  try {
    const head = headSchema.safeParse(JSON.parse(payload));
    return head.success ? head.data : null;
  } catch {
    return null;
  }
};

/** 408 and 429 say "later"; 5xx is the receiver's trouble. Any other answer will not change by retrying. */
const worthRetry = (status: number): boolean => status === 408 || status === 429 || status >= 500;

const sendOne = async (deps: AlertSenderDeps, row: OutboxRow): Promise<void> => {
  const { store, clock, logger } = deps;
  const head = readHead(row.payload);
  if (head === null) {
    store.deleteOutbox([row.id]);
    logger.error('alert.dropped', { reason: 'unreadable outbox row', row: row.id });
    return;
  }
  const { id, kind } = head;
  if (clock.now() - Date.parse(head.at) > ALERT_MAX_AGE_MS) {
    store.deleteOutbox([row.id]);
    logger.warn('alert.expired', { id, kind, attempts: row.attempts, lastError: row.lastError });
    return;
  }
  const timestamp = String(Math.floor(clock.now() / 1000));
  const answer = await deps.http.request({
    method: 'POST',
    url: deps.webhookUrl,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'pickup-kiosk-alerts/1',
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signWebhook(deps.key, timestamp, row.payload),
    },
    body: row.payload,
    timeoutMs: ALERT_TIMEOUT_MS,
  });
  const now = clock.now();
  if (answer.ok && answer.value.status >= 200 && answer.value.status < 300) {
    store.deleteOutbox([row.id]);
    logger.info('alert.sent', { id, kind, status: answer.value.status, attempts: row.attempts + 1 });
    return;
  }
  if (answer.ok && !worthRetry(answer.value.status)) {
    store.deleteOutbox([row.id]);
    logger.error('alert.refused', { id, kind, status: answer.value.status });
    return;
  }
  const why = answer.ok ? `HTTP ${answer.value.status}` : `${answer.error.kind}: ${answer.error.message}`;
  const delayMs = outboxDelayMs(row.attempts);
  store.deferOutbox([row.id], now + delayMs, why);
  logger.warn('alert.deferred', { id, kind, error: why, retryInMs: delayMs });
};

/**
 * One round of webhook delivery from the outbox's `alert` rows, on a loop of its own: a receiver that hangs
 * holds back only alerts, never the cloud's reports, and a cloud outage never holds back an alert.
 */
export const sendDueAlerts = async (deps: AlertSenderDeps): Promise<void> => {
  for (const row of deps.store.dueOutbox(deps.clock.now(), PER_ROUND, 'alert')) {
    if (deps.stopped()) return;
    try {
      await sendOne(deps, row);
    } catch (e) {
      // A journal that fails under a round (closing, full disk) ends the round; the row is tried again later.
      deps.logger.error('alerts.send-failed', { error: e instanceof Error ? e.message : String(e) });
      return;
    }
  }
};
