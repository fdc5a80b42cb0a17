import type { Product } from './vendor-cloud';

export type CachedCode = {
  readonly codeHash: string;
  readonly codeId: number;
  readonly productId: number;
  readonly quantity: number;
  readonly expiresAt: number | null;
};

/** The rows a refresh changes, and only those: what it found unchanged is not in here. */
export type CacheChanges = {
  /** Codes new to the cache, or stored with another quantity, expiry, id or product. */
  readonly putCodes: readonly CachedCode[];
  /** Hashes of codes the cloud no longer lists as unused. */
  readonly dropCodes: readonly string[];
  readonly putProducts: readonly Product[];
  /** Products the cloud no longer lists (their codes are in `dropCodes`). */
  readonly dropProducts: readonly number[];
  /** Stored as `cache.refreshedAt` with the rows; null leaves the stored time as it is. */
  readonly refreshedAt: number | null;
  /** When the change is made (the core's clock): stamps the codes that leave the list. */
  readonly at?: number;
};

/** The code cache and the product list it was filled with (sqlite/catalog-queries.ts). */
export interface CatalogStore {
  /**
   * Writes the changes in one transaction and counts the cache rows written (the meta row aside). With no row
   * to write and no time to store it writes nothing at all, not even an empty commit.
   */
  applyCacheChanges(changes: CacheChanges): number;
  listCachedCodes(): CachedCode[];
  listCachedCodesOf(productId: number): CachedCode[];
  /** Inserts one code, or replaces the code with its hash: a code the cloud pushed. */
  putCode(code: CachedCode): void;
  findCode(codeHash: string): CachedCode | null;
  dropCode(codeHash: string): void;
  /** A pushed delete names the code's record id, not the code; false when no cached code has it. */
  dropCodeById(codeId: number): boolean;
  /**
   * A code a refresh found gone from the cloud's unused list (used on another machine, or withdrawn) within the
   * last week: it was real, so the cloud is asked what became of it rather than the customer told "unknown".
   */
  findGoneCode(codeHash: string, now: number): CachedCode | null;
  getProduct(productId: number): Product | null;
  listProducts(): Product[];
}
