/**
 * `alert`: a webhook alert (core/alerts), sent by its own loop, never mixed with the cloud's reports.
 * `live`: a message for the vendor's MQTT channel (core/live), sent in order while the link is up.
 */
export type OutboxKind = 'consume' | 'order' | 'alert' | 'live';
/** What waits in the outbox for the vendor cloud: how many rows, and when the oldest was queued (epoch ms). */
export type OutboxBacklog = { readonly length: number; readonly oldestAt: number | null };

export type OutboxRow = {
  readonly id: number;
  readonly kind: OutboxKind;
  readonly redemptionId: string | null;
  readonly payload: string;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
};

/** What waits to be sent (sqlite/outbox-queries.ts): consumes and orders for the cloud, alerts for the webhook. */
export interface OutboxStore {
  enqueueOutbox(kind: OutboxKind, redemptionId: string | null, payload: string, at: number): void;
  dueOutbox(now: number, limit: number, kind?: OutboxKind): OutboxRow[];
  deleteOutbox(ids: readonly number[]): void;
  deferOutbox(ids: readonly number[], nextAttemptAt: number, error: string): void;
  outboxLength(): number;
  /**
   * The outbox without alerts and live messages: a webhook or a broker that is down must not look like an
   * Open API that is behind (the live link has its own state on the maintenance screen).
   */
  cloudBacklog(): OutboxBacklog;
}
