import type { AlertSnapshot, BoardOut, LockedSlot } from './alert-snapshot';
import type { AlertCondition, AlertSettings, Observation } from './alert-types';
import type { CloudAlarm } from './cloud-watch';

const iso = (at: number): string => new Date(at).toISOString();
const minutes = (ms: number): number => Math.floor(ms / 60_000);

const slotWords = (lock: LockedSlot): string =>
  `${lock.slotName ?? lock.slot} (board ${lock.addr}, slot ${lock.slot})`;

/**
 * A lock is keyed by when it was made as well as where: unlocked and locked again between two looks is a new
 * event, and must not pass for the one already sent.
 */
const lockCondition = (lock: LockedSlot): AlertCondition => {
  const detail = {
    addr: lock.addr,
    slot: lock.slot,
    slotName: lock.slotName,
    reason: lock.reason,
    lockedAt: iso(lock.lockedAt),
    code: lock.codeMask,
    reference: lock.reference,
  };
  const key = `${lock.kind}/${lock.addr}/${lock.slot}@${lock.lockedAt}`;
  const customer = lock.reference === null ? '' : ` Customer reference ${lock.reference}.`;
  return lock.kind === 'unknown'
    ? {
        key,
        kind: 'unknown-outcome',
        severity: 'critical',
        clears: false,
        detail,
        summary:
          `A dispense from slot ${slotWords(lock)} ended without a clear outcome, so the item may or may not have ` +
          `dropped; the slot is locked until someone checks it and unlocks it on the maintenance screen.${customer}`,
      }
    : {
        key,
        kind: 'slot-quarantined',
        severity: 'warning',
        clears: false,
        detail,
        summary:
          `Slot ${slotWords(lock)} was taken out of service after a failure that says it is broken ` +
          `(${lock.reason}); fix the slot, then unlock it on the maintenance screen.${customer}`,
      };
};

const boardCondition = (board: BoardOut, now: number): AlertCondition => {
  const detail = { addr: board.addr, problem: board.kind, reason: board.reason, since: iso(board.since) };
  return board.kind === 'down'
    ? {
        key: `board-down/${board.addr}`,
        kind: 'board-down',
        severity: 'critical',
        clears: true,
        detail,
        summary:
          `Driver board ${board.addr} has not answered for ${minutes(now - board.since)} minutes, so its slots ` +
          'are out of service; check its power and the cable from the kiosk PC.',
      }
    : {
        key: `board-mismatch/${board.addr}`,
        kind: 'board-mismatch',
        severity: 'critical',
        // It ends only with a new configuration and a restart, which the person doing that already knows.
        clears: false,
        detail,
        summary:
          `Driver board ${board.addr} does not match the machine configuration (${board.reason}), so its ` +
          'slots are out of service; correct the configuration and restart the kiosk.',
      };
};

const cloudCondition = (
  alarm: CloudAlarm & { readonly state: 'bad' },
  kind: 'cloud-auth' | 'pickup-codes-off',
): AlertCondition => ({
  key: kind,
  kind,
  severity: 'critical',
  clears: true,
  detail: { call: alarm.call, vendorCode: alarm.vendorCode, since: iso(alarm.since), problem: alarm.detail },
  summary:
    kind === 'cloud-auth'
      ? "The vendor cloud refuses this machine's credentials, so no pickup code can be checked or used; " +
        'check AppId, AppSecret and AppKey (provision the machine again if they changed) and the kiosk clock.'
      : 'Pickup codes are switched off for this machine in the vendor dashboard, so every code is refused; ' +
        'switch them on there.',
});

/** What the snapshot says needs a person now, and what cannot be told yet. Pure: the tests drive it in tables. */
export const observe = (snapshot: AlertSnapshot, settings: AlertSettings): Observation => {
  const { now } = snapshot;
  const conditions: AlertCondition[] = snapshot.locks.map(lockCondition);
  const undecided = new Set<string>();
  for (const board of snapshot.boards) {
    const condition = boardCondition(board, now);
    // Down, but not for long enough yet: not raised, and not "back" either.
    if (board.kind === 'down' && now - board.since < settings.boardDownMs) undecided.add(condition.key);
    else conditions.push(condition);
  }
  for (const [alarm, kind] of [
    [snapshot.auth, 'cloud-auth'],
    [snapshot.pickupCodes, 'pickup-codes-off'],
  ] as const) {
    if (alarm.state === 'bad') conditions.push(cloudCondition(alarm, kind));
    else if (alarm.state === 'unknown') undecided.add(kind);
  }
  const { length, oldestAt } = snapshot.backlog;
  const ageMs = oldestAt === null ? 0 : now - oldestAt;
  if (length > settings.outboxAlertAt || ageMs > settings.outboxAlertAfterMs) {
    conditions.push({
      key: 'outbox-backlog',
      kind: 'outbox-backlog',
      severity: 'warning',
      clears: true,
      detail: { length, oldestMinutes: minutes(ageMs), threshold: settings.outboxAlertAt },
      summary:
        `${length} reports are waiting to reach the vendor cloud, the oldest for ${minutes(ageMs)} minutes, ` +
        'so the dashboard is behind the machine; check the internet connection and the kiosk log (outbox.*).',
    });
  } else if (length > settings.outboxAlertAt / 2) {
    // Hysteresis: a backlog hovering around the threshold raises once, and clears only once it has halved.
    undecided.add('outbox-backlog');
  }
  return { conditions, undecided };
};
