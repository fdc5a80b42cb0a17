import type { Result } from '../../contract/result';
import { ok } from '../../contract/result';
import type { CachedCode } from '../ports/catalog-store';
import type { CloudError, VendorCloud } from '../ports/vendor-cloud';
import { mapWithConcurrency } from '../util/map-with-concurrency';
import type { CodeHasher } from './code-hash';

/** The two calls a refresh makes: the code cache needs nothing else of the cloud. */
export type CatalogCloud = Pick<VendorCloud, 'listProducts' | 'listCodes'>;

/**
 * Every unused code of these products, hashed (the clear code goes no further than here), one signed call per
 * product with at most `concurrency` in the air. One product failing fails the lot: a cache written from part of
 * the answers would drop the codes of the products that failed, or keep codes the others no longer list.
 */
export const listUnusedCodes = async (
  cloud: CatalogCloud,
  hash: CodeHasher,
  productIds: readonly number[],
  concurrency: number,
): Promise<Result<CachedCode[], CloudError>> => {
  const lists = await mapWithConcurrency(productIds, concurrency, (id) => cloud.listCodes(id));
  const codes: CachedCode[] = [];
  for (const [i, list] of lists.entries()) {
    if (!list.ok) return list;
    const productId = productIds[i];
    if (productId === undefined) continue;
    for (const c of list.value) {
      if (c.status !== 'UNUSED') continue;
      codes.push({
        codeHash: hash(c.code),
        codeId: c.id,
        productId,
        quantity: c.quantity,
        expiresAt: c.expiresAt,
      });
    }
  }
  return ok(codes);
};
