import type { Result } from '../../contract/result';
import { ok } from '../../contract/result';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { CachedCode, KioskStore } from '../ports/store';
import type { CloudError, VendorCloud } from '../ports/vendor-cloud';
import type { StockBooks } from '../stock/stock-books';
import { mapWithConcurrency } from '../util/map-with-concurrency';
import type { CodeHasher } from './code-hash';

export type RefreshSummary = { readonly products: number; readonly codes: number; readonly tookMs: number };

export type CodeCache = {
  /** Fetches every product and every product's unused codes; one refresh at a time, callers share it. */
  refresh(): Promise<Result<RefreshSummary, CloudError>>;
  lookup(code: string): CachedCode | null;
  /** The same, for a code already hashed with this cache's key. */
  lookupHash(codeHash: string): CachedCode | null;
  /** Milliseconds since the last successful refresh; null if there never was one. */
  age(): number | null;
  drop(codeHash: string): void;
};

export type CodeCacheDeps = {
  readonly store: KioskStore;
  readonly cloud: VendorCloud;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly hash: CodeHasher;
  readonly concurrency: number;
  readonly books: StockBooks;
};

export const createCodeCache = (deps: CodeCacheDeps): CodeCache => {
  const { store, cloud, clock, logger, hash } = deps;
  let inFlight: Promise<Result<RefreshSummary, CloudError>> | null = null;

  const fill = async (): Promise<Result<RefreshSummary, CloudError>> => {
    const started = clock.now();
    const epoch = deps.books.epoch();
    const products = await cloud.listProducts();
    if (!products.ok) return products;
    const lists = await mapWithConcurrency(products.value, deps.concurrency, (p) =>
      cloud.listCodes(p.productId),
    );
    const codes: CachedCode[] = [];
    for (const [i, list] of lists.entries()) {
      // One product failing must not keep stale codes for the others, nor half a cache: all or nothing.
      if (!list.ok) return list;
      const product = products.value[i];
      if (!product) continue;
      for (const c of list.value) {
        if (c.status !== 'UNUSED') continue;
        codes.push({
          codeHash: hash(c.code),
          codeId: c.id,
          productId: product.productId,
          quantity: c.quantity,
          expiresAt: c.expiresAt,
        });
      }
    }
    // The cloud's stock figures miss what this machine has not reported yet: the books put that back.
    store.replaceCodeCache(codes, deps.books.reconcile(products.value, epoch), clock.now());
    const summary = { products: products.value.length, codes: codes.length, tookMs: clock.now() - started };
    logger.info('cache.refreshed', summary);
    return ok(summary);
  };

  return {
    refresh() {
      inFlight ??= fill().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    lookup: (code) => store.findCode(hash(code)),
    lookupHash: (codeHash) => store.findCode(codeHash),
    age() {
      const at = store.getMeta('cache.refreshedAt');
      return at === null ? null : clock.now() - Number(at);
    },
    drop: (codeHash) => {
      store.dropCode(codeHash);
    },
  };
};
