import type { NextState, RedemptionState, UnitState } from '../redemption/states';
import type { Product } from './vendor-cloud';

/**
 * The kiosk's durable state. Every write is committed (fsynced) before the call returns, so a write that
 * precedes a side effect is on disk before the side effect starts. The production adapter is SQLite.
 */
export type RedemptionRow = {
  readonly id: string;
  readonly codeHash: string;
  readonly codeMask: string;
  readonly tradeId: string;
  readonly pickupCodeId: number;
  readonly productId: number;
  readonly productName: string;
  readonly price: string;
  readonly slotName: string;
  readonly addr: number;
  readonly slot: number;
  readonly quantity: number;
  readonly state: RedemptionState;
  /** Consume still owed to the cloud (offline allow-cached redemptions). */
  readonly consumePending: boolean;
  /** The code in clear, kept only while a consume is owed to the cloud; null once it is settled. */
  readonly pendingCode: string | null;
  readonly orderId: number | null;
  /** Why it needs an operator, or why it was rejected; null when nothing to say. */
  readonly note: string | null;
  readonly attention: boolean;
  /**
   * Units the customer paid for that certainly did not drop (failed or skipped; an unknown may have dropped),
   * less what make-up deliveries have paid back since. The same code typed again dispenses these, with no consume.
   */
  readonly owed: number;
  /** A make-up delivery names the redemption whose owed units it pays back; null for a redemption of its own. */
  readonly parentId: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
};

export type UnitRow = {
  readonly redemptionId: string;
  readonly index: number;
  readonly state: UnitState;
  readonly reason: string | null;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  /** When the board answered this unit's dispense write: after a crash, its `done` or `idle` is this command's. */
  readonly acceptedAt: number | null;
};

export type NewRedemption = Omit<
  RedemptionRow,
  'state' | 'orderId' | 'note' | 'attention' | 'updatedAt' | 'consumePending' | 'owed' | 'parentId'
> & { readonly parentId?: string | null };

export type RedemptionPatch = Partial<
  Pick<RedemptionRow, 'orderId' | 'note' | 'attention' | 'consumePending' | 'pendingCode' | 'owed'>
>;

export type OutboxKind = 'consume' | 'order';
export type OutboxRow = {
  readonly id: number;
  readonly kind: OutboxKind;
  readonly redemptionId: string | null;
  readonly payload: string;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
};

/** One change to a slot's count: items out (a negative delta) or an operator's count after a restock. */
export type StockChange = { readonly delta: number } | { readonly setTo: number };

/** A product's stock changes that the cloud has not yet accepted, oldest first. */
export type PendingStock = {
  readonly productId: number;
  /** The newest ledger entry: a report carrying today's figure settles every entry up to this one. */
  readonly throughId: number;
  /** A report carrying some of these went out and no answer came back: the cloud may already have them. */
  readonly inDoubt: boolean;
  readonly changes: readonly StockChange[];
};

/** Which ledger entries of a product a report carried. */
export type StockMark = { readonly productId: number; readonly throughId: number };

/** What a retention pass removed: redemptions (each with its units and make-ups) and audit entries. */
export type PruneCounts = { readonly redemptions: number; readonly audit: number };

export type CachedCode = {
  readonly codeHash: string;
  readonly codeId: number;
  readonly productId: number;
  readonly quantity: number;
  readonly expiresAt: number | null;
};

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

export interface KioskStore {
  /** Runs `fn` atomically: all of its writes commit together or not at all. */
  transaction<T>(fn: () => T): T;

  insertRedemption(row: NewRedemption, at: number): void;
  /**
   * Moves a redemption from `from` to `to`. Only the state machine's transitions type-check, and the store
   * checks them again at run time; a redemption not in `from` throws (a bug, never an expected failure).
   */
  moveRedemption<F extends RedemptionState>(
    id: string,
    from: F,
    to: NextState<F>,
    at: number,
    patch?: RedemptionPatch,
  ): void;
  patchRedemption(id: string, patch: RedemptionPatch, at: number): void;
  getRedemption(id: string): RedemptionRow | null;
  /** The newest redemption for a code, whatever its state. */
  findRedemptionByCode(codeHash: string): RedemptionRow | null;
  listRedemptions(states: readonly RedemptionState[]): RedemptionRow[];
  /** Redemptions flagged for an operator, newest first. */
  listNeedingAttention(limit: number): RedemptionRow[];
  /** Redemptions whose customer is still owed units, newest first. */
  listOwed(limit: number): RedemptionRow[];
  /** The outcomes of the units last driven on a slot (skipped ones were not), newest first: a failure streak. */
  recentUnitStates(addr: number, slot: number, limit: number): UnitState[];
  countRedemptions(): number;

  putUnit(redemptionId: string, index: number, state: UnitState, at: number, reason?: string | null): void;
  listUnits(redemptionId: string): UnitRow[];
  /** Marks a unit still in `intent` as accepted by the board (see UnitRow.acceptedAt). */
  markUnitAccepted(redemptionId: string, index: number, at: number): void;

  enqueueOutbox(kind: OutboxKind, redemptionId: string | null, payload: string, at: number): void;
  dueOutbox(now: number, limit: number, kind?: OutboxKind): OutboxRow[];
  deleteOutbox(ids: readonly number[]): void;
  deferOutbox(ids: readonly number[], nextAttemptAt: number, error: string): void;
  outboxLength(): number;

  replaceCodeCache(codes: readonly CachedCode[], products: readonly Product[], at: number): void;
  findCode(codeHash: string): CachedCode | null;
  dropCode(codeHash: string): void;
  getProduct(productId: number): Product | null;
  listProducts(): Product[];
  /**
   * Changes a product's local count. With `ledger`, the change is also kept until the cloud accepts a report
   * that includes it; without, it is local only (cloud reporting is switched off).
   */
  changeStock(
    productId: number,
    change: StockChange,
    at: number,
    ledger: { readonly redemptionId: string | null } | null,
  ): void;
  pendingStock(): PendingStock[];
  /** A report carrying these entries is about to go out: until it is answered, they may be in the cloud. */
  markStockInDoubt(marks: readonly StockMark[]): void;
  /** The cloud refused that report outright (it answered, with an error): it cannot have applied it. */
  clearStockDoubt(marks: readonly StockMark[]): void;
  /** The cloud accepted a report carrying these entries: they leave the ledger. */
  settleStock(marks: readonly StockMark[]): void;
  /**
   * Re-makes every stored code hash under a new key, atomically: the cache is emptied (and its age forgotten),
   * redemptions still holding their code in clear are re-hashed. Counts what was dropped and re-made.
   */
  rekeyCodes(hash: (code: string) => string): { rehashed: number; dropped: number };

  lockSlot(lock: SlotLock): void;
  getSlotLock(addr: number, slot: number): SlotLock | null;
  listSlotLocks(): SlotLock[];
  clearSlotLock(addr: number, slot: number): boolean;

  audit(kind: string, detail: Readonly<Record<string, unknown>>, at: number): void;
  listAudit(limit: number): AuditEntry[];
  /** Removes finished history older than `cutoff` (see retention-queries.ts for what is always kept). */
  pruneBefore(cutoff: number): PruneCounts;

  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;

  close(): void;
}
