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

/** The stock ledger: local counts and the changes the cloud has not yet accepted (sqlite/stock-queries.ts). */
export interface StockStore {
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
}
