import type { BoardProblem } from '../boards/board-health';
import type { KioskStore, OutboxBacklog, SlotLock } from '../ports/store';
import { customerReference } from '../redemption/reference';
import type { CloudAlarm } from './cloud-watch';

/** A locked slot with what an operator needs to find it and the customer: names and masked codes only. */
export type LockedSlot = SlotLock & {
  readonly slotName: string | null;
  readonly codeMask: string | null;
  readonly reference: string | null;
};

/** A board whose slots are out, and since when this watcher has seen it so. */
export type BoardOut = BoardProblem & { readonly since: number };

/** Everything the conditions are decided from, read in one go so they are pure and table-tested. */
export type AlertSnapshot = {
  readonly now: number;
  readonly locks: readonly LockedSlot[];
  readonly boards: readonly BoardOut[];
  readonly auth: CloudAlarm;
  readonly pickupCodes: CloudAlarm;
  /** Reports for the cloud (consumes, orders, products whose count waits), alerts left out. */
  readonly backlog: OutboxBacklog;
};

/**
 * Board problems carry no time, so the first look that sees one starts its clock. The watcher looks once at
 * start, straight after the boards were checked, so a board dead since power-on is timed from then.
 */
export const createBoardClock = (): ((problems: readonly BoardProblem[], now: number) => BoardOut[]) => {
  const since = new Map<string, number>();
  return (problems, now) => {
    const keys = new Set(problems.map((p) => `${p.addr}/${p.kind}`));
    for (const key of since.keys()) if (!keys.has(key)) since.delete(key);
    return problems.map((p) => {
      const key = `${p.addr}/${p.kind}`;
      const at = since.get(key) ?? now;
      since.set(key, at);
      return { ...p, since: at };
    });
  };
};

const describeLock = (store: KioskStore, lock: SlotLock): LockedSlot => {
  const r = lock.redemptionId === null ? null : store.getRedemption(lock.redemptionId);
  const product = r ? null : store.listProducts().find((p) => p.addr === lock.addr && p.slot === lock.slot);
  return {
    ...lock,
    slotName: r?.slotName ?? product?.slotName ?? null,
    codeMask: r?.codeMask ?? null,
    reference: r ? customerReference(r.tradeId) : null,
  };
};

export const takeSnapshot = (
  store: KioskStore,
  live: Omit<AlertSnapshot, 'locks' | 'backlog'>,
): AlertSnapshot => {
  const outbox = store.cloudBacklog();
  return {
    ...live,
    locks: store.listSlotLocks().map((lock) => describeLock(store, lock)),
    backlog: { length: outbox.length + store.pendingStock().length, oldestAt: outbox.oldestAt },
  };
};
