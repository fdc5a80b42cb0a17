import type { CacheChanges, CachedCode } from '../ports/catalog-store';
import type { Product } from '../ports/vendor-cloud';

export type CacheRows = Omit<CacheChanges, 'refreshedAt'>;

const sameCode = (a: CachedCode, b: CachedCode): boolean =>
  a.codeId === b.codeId &&
  a.productId === b.productId &&
  a.quantity === b.quantity &&
  a.expiresAt === b.expiresAt;

/**
 * A product row is its JSON, so two products are the same row when their JSON is. Keys are sorted first: the same
 * product read back from the store or built by the cloud client in another key order is not a change.
 */
const rowJson = (p: Product): string => JSON.stringify(p, Object.keys(p).sort());

/**
 * What turns the stored codes of some products into the codes the cloud lists for them: the new and the changed
 * to write, the ones no longer listed to remove. `stored` holds exactly the codes in scope (all of them for a full
 * refresh, those of the refreshed products otherwise): a code outside it is left alone, unless the cloud lists
 * its hash here, and then it is rewritten under its new product.
 */
export const diffCodes = (
  stored: readonly CachedCode[],
  fresh: readonly CachedCode[],
): Pick<CacheRows, 'putCodes' | 'dropCodes'> => {
  // A hash listed twice keeps its last listing, as the insert-or-replace of every code used to.
  const listed = new Map(fresh.map((c) => [c.codeHash, c]));
  const kept = new Map(stored.map((c) => [c.codeHash, c]));
  const putCodes = [...listed.values()].filter((c) => {
    const old = kept.get(c.codeHash);
    return old === undefined || !sameCode(old, c);
  });
  const dropCodes = [...kept.keys()].filter((h) => !listed.has(h));
  return { putCodes, dropCodes };
};

/** The product rows to write (new or changed) and to remove (no longer listed). */
export const diffProducts = (
  stored: readonly Product[],
  fresh: readonly Product[],
): Pick<CacheRows, 'putProducts' | 'dropProducts'> => {
  const listed = new Map(fresh.map((p) => [p.productId, p]));
  const kept = new Map(stored.map((p) => [p.productId, rowJson(p)]));
  const putProducts = [...listed.values()].filter((p) => kept.get(p.productId) !== rowJson(p));
  const dropProducts = [...kept.keys()].filter((id) => !listed.has(id));
  return { putProducts, dropProducts };
};

export const rowsToWrite = (rows: CacheRows): number =>
  rows.putCodes.length + rows.dropCodes.length + rows.putProducts.length + rows.dropProducts.length;
