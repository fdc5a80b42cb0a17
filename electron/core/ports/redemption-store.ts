import type { NextState, RedemptionState, UnitState } from '../redemption/states';
import type { CloudErrorCode } from './vendor-cloud';

/** A redemption is one code's pickup: its row moves through the state machine in redemption/states.ts. */
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
  /** Why the cloud refused it (a `rejected` redemption); null otherwise. */
  readonly refusal: CloudErrorCode | null;
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
  | 'state'
  | 'orderId'
  | 'note'
  | 'refusal'
  | 'attention'
  | 'updatedAt'
  | 'consumePending'
  | 'owed'
  | 'parentId'
> & { readonly parentId?: string | null };

export type RedemptionPatch = Partial<
  Pick<
    RedemptionRow,
    'orderId' | 'note' | 'refusal' | 'attention' | 'consumePending' | 'pendingCode' | 'owed'
  >
>;

/** Redemptions and their units (sqlite/redemption-queries.ts). */
export interface RedemptionStore {
  /** Answers the row as written, so a step goes on with what the journal holds, not with what it meant to write. */
  insertRedemption(row: NewRedemption, at: number): RedemptionRow;
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
  ): RedemptionRow;
  patchRedemption(id: string, patch: RedemptionPatch, at: number): void;
  getRedemption(id: string): RedemptionRow | null;
  /** The newest redemption for a code, whatever its state. */
  findRedemptionByCode(codeHash: string): RedemptionRow | null;
  listRedemptions(states: readonly RedemptionState[]): RedemptionRow[];
  /** Redemptions flagged for an operator, newest first. */
  listNeedingAttention(limit: number): RedemptionRow[];
  /** Redemptions whose customer is still owed units, newest first. */
  listOwed(limit: number): RedemptionRow[];
  countRedemptions(): number;
  /** Products with a redemption since `since`, the most recent first: where new codes are likeliest (polling). */
  recentProductIds(since: number, limit: number): number[];

  putUnit(redemptionId: string, index: number, state: UnitState, at: number, reason?: string | null): void;
  listUnits(redemptionId: string): UnitRow[];
  /** Marks a unit still in `intent` as accepted by the board (see UnitRow.acceptedAt). */
  markUnitAccepted(redemptionId: string, index: number, at: number): void;
}
