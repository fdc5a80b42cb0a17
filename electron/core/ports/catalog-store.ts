import type { Product } from './vendor-cloud';

export type CachedCode = {
  readonly codeHash: string;
  readonly codeId: number;
  readonly productId: number;
  readonly quantity: number;
  readonly expiresAt: number | null;
};

/** The code cache and the product list it was filled with (sqlite/catalog-queries.ts). */
export interface CatalogStore {
  replaceCodeCache(codes: readonly CachedCode[], products: readonly Product[], at: number): void;
  findCode(codeHash: string): CachedCode | null;
  dropCode(codeHash: string): void;
  getProduct(productId: number): Product | null;
  listProducts(): Product[];
}
