import type { AlertLedger } from './alert-ledger';
import type { AlertCondition, AlertKind, AlertPayload, Observation } from './alert-types';

const HOUR_MS = 3_600_000;

/** An alert to queue; the watcher adds the machine and the time. */
export type Outgoing = Omit<AlertPayload, 'machineNo' | 'machineName' | 'at'>;

export type Decision = {
  readonly ledger: AlertLedger;
  readonly outgoing: readonly Outgoing[];
  /** Conditions the hourly limit held back on this look (each logged once; sent later if they last). */
  readonly heldBack: readonly AlertCondition[];
  /** Alerts lost to the limit on this look, by key (counted in the next alert that goes out). */
  readonly lost: readonly string[];
};

const rank = { critical: 0, warning: 1, info: 2 } as const;

const clearedSummary = (kind: string, key: string): string => {
  switch (kind as AlertKind) {
    case 'board-down':
      return `Driver board ${key.split('/')[1] ?? '?'} answers again; its slots are back in service.`;
    case 'cloud-auth':
      return "The vendor cloud accepts this machine's credentials again.";
    case 'pickup-codes-off':
      return 'Pickup codes are switched on again for this machine.';
    case 'outbox-backlog':
      return 'The reports waiting for the vendor cloud are down to a normal level again.';
    default:
      return `The condition ${key} has ended.`;
  }
};

/**
 * Dedup and rate limit, pure. A condition is sent once while it lasts (its key stays in the ledger until it
 * ends); a lasting one the hourly limit held back goes out once there is room. What the limit costs for good (a
 * condition that came and went while held back, a `cleared` with no room) is counted and told in the next
 * alert that does go out. Raised alerts are sent before `cleared` ones, the most severe first.
 */
export const decide = (
  previous: AlertLedger,
  observation: Observation,
  now: number,
  maxPerHour: number,
  newId: () => string,
): Decision => {
  const sentAt = previous.sentAt.filter((t) => t > now - HOUR_MS);
  const met = new Set(observation.conditions.map((c) => c.key));
  const lasts = (key: string): boolean => met.has(key) || observation.undecided.has(key);
  const ended = Object.entries(previous.active).filter(([key]) => !lasts(key));
  const active = Object.fromEntries(Object.entries(previous.active).filter(([key]) => lasts(key)));
  const outgoing: Outgoing[] = [];
  const heldBack: AlertCondition[] = [];
  const lost: string[] = [];
  const room = (): boolean => sentAt.length < maxPerHour;
  const queue = (alert: Omit<Outgoing, 'id'>): string => {
    const id = newId();
    outgoing.push({ id, ...alert });
    sentAt.push(now);
    return id;
  };

  const raised = [...observation.conditions].sort((a, b) => rank[a.severity] - rank[b.severity]);
  for (const condition of raised) {
    const entry = active[condition.key];
    if (entry !== undefined && entry.id !== null) continue;
    if (room()) {
      const { kind, severity, summary, detail, clears } = condition;
      active[condition.key] = { id: queue({ kind, severity, summary, detail }), kind, clears };
    } else if (entry === undefined) {
      active[condition.key] = { id: null, kind: condition.kind, clears: condition.clears };
      heldBack.push(condition);
    }
  }

  for (const [key, entry] of ended) {
    if (entry.id === null) lost.push(key);
    else if (!entry.clears) continue;
    else if (!room()) lost.push(key);
    else
      queue({
        kind: 'cleared',
        severity: 'info',
        summary: clearedSummary(entry.kind, key),
        detail: { clears: entry.kind, alertId: entry.id },
      });
  }

  let missed = previous.missed + lost.length;
  const first = outgoing[0];
  if (first !== undefined && missed > 0) {
    const waiting = Object.values(active).filter((e) => e.id === null).length;
    outgoing[0] = {
      ...first,
      summary: `${first.summary} (${missed} other alert${missed === 1 ? ' was' : 's were'} not sent because of the hourly limit${waiting > 0 ? `; ${waiting} still waiting` : ''}.)`,
      detail: { ...first.detail, missedAlerts: missed, waitingAlerts: waiting },
    };
    missed = 0;
  }
  return { ledger: { version: 1, active, sentAt, missed }, outgoing, heldBack, lost };
};
