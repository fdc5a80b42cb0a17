/** `unknown`: an outcome nobody could tell; `quarantine`: the slot failed in a way that says it is broken. */
export type SlotLockKind = 'unknown' | 'quarantine';

export type SlotLock = {
  readonly addr: number;
  readonly slot: number;
  readonly kind: SlotLockKind;
  readonly reason: string;
  readonly redemptionId: string | null;
  readonly lockedAt: number;
};

export type AuditEntry = {
  readonly id: number;
  readonly at: number;
  readonly kind: string;
  readonly detail: string;
};

/** Slot locks, the audit log and small settings (sqlite/admin-queries.ts). */
export interface AdminStore {
  lockSlot(lock: SlotLock): void;
  getSlotLock(addr: number, slot: number): SlotLock | null;
  listSlotLocks(): SlotLock[];
  clearSlotLock(addr: number, slot: number): boolean;

  audit(kind: string, detail: Readonly<Record<string, unknown>>, at: number): void;
  listAudit(limit: number): AuditEntry[];

  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
}
