/**
 * What the kiosk tells someone off the machine about. Each kind is a condition a person has to act on; `cleared`
 * says one of the lasting conditions (a board, the cloud, the outbox) has ended by itself.
 */
export type AlertKind =
  | 'unknown-outcome'
  | 'slot-quarantined'
  | 'board-down'
  | 'board-mismatch'
  | 'cloud-auth'
  | 'pickup-codes-off'
  | 'outbox-backlog'
  | 'cleared';

/** `critical`: customers are being turned away or may have lost an item; `warning`: one slot or the reports. */
export type AlertSeverity = 'critical' | 'warning' | 'info';

export type AlertDetail = Readonly<Record<string, string | number | boolean | null>>;

/** One condition as the watcher sees it now. The same key means the same condition: it is sent once. */
export type AlertCondition = {
  readonly key: string;
  readonly kind: Exclude<AlertKind, 'cleared'>;
  readonly severity: AlertSeverity;
  readonly summary: string;
  readonly detail: AlertDetail;
  /** Whether its end is worth a `cleared` alert (a board back); a slot unlocked by an operator is not. */
  readonly clears: boolean;
};

/**
 * What one look found. A key in `undecided` is neither raised nor ended: a board down for less than the
 * threshold, or the cloud not asked yet since a restart, must not send a `cleared` for what was raised before.
 */
export type Observation = {
  readonly conditions: readonly AlertCondition[];
  readonly undecided: ReadonlySet<string>;
};

/** The JSON body the webhook receives. Never a credential, the HMAC key or a pickup code in clear. */
export type AlertPayload = {
  /** Unique, made when the alert is queued: a retry sends the same id, so a receiver can drop a repeat. */
  readonly id: string;
  readonly kind: AlertKind;
  readonly severity: AlertSeverity;
  readonly machineNo: string;
  readonly machineName: string;
  /** ISO 8601, UTC: when the alert was queued. */
  readonly at: string;
  readonly summary: string;
  readonly detail: AlertDetail;
};

/** The configuration's `alerts` section in the units the watcher works in. */
export type AlertSettings = {
  readonly boardDownMs: number;
  readonly outboxAlertAt: number;
  readonly outboxAlertAfterMs: number;
  readonly maxPerHour: number;
};
