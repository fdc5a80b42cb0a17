import type { Result } from '../../contract/result';
import { ok } from '../../contract/result';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { CachedCode, KioskStore } from '../ports/store';
import type { CloudError } from '../ports/vendor-cloud';
import type { StockBooks } from '../stock/stock-books';
import { diffCodes, diffProducts, rowsToWrite, type CacheRows } from './cache-diff';
import type { CodeHasher } from './code-hash';
import { listUnusedCodes, type CatalogCloud } from './list-unused-codes';
import { oneAtATime } from './one-at-a-time';
import { createPushedChanges } from './pushed-changes';
import { createRefreshTime } from './refresh-time';

export type RefreshSummary = {
  readonly products: number;
  /** Unused codes the cloud listed for those products. */
  readonly codes: number;
  readonly tookMs: number;
  /** Cache rows inserted, replaced or deleted (codes and products; the refresh-time meta row aside). */
  readonly written: number;
};

export type CodeCache = {
  /** Fetches every product and every product's unused codes; one refresh at a time, callers share it. */
  refresh(): Promise<Result<RefreshSummary, CloudError>>;
  /**
   * Fetches the unused codes of these products (as stored: an id the store does not know is skipped, the product
   * list is not read) and brings only their codes up to date. The refresh time (`age()`) stays the full one's.
   */
  refreshProducts(productIds: readonly number[]): Promise<Result<RefreshSummary, CloudError>>;
  lookup(code: string): CachedCode | null;
  /** The same, for a code already hashed with this cache's key. */
  lookupHash(codeHash: string): CachedCode | null;
  /** Milliseconds since the last successful refresh; null if there never was one. */
  age(): number | null;
  drop(codeHash: string): void;
  /** A code the cloud pushed, already hashed. */
  put(code: CachedCode): void;
  /** A pushed delete: false when no cached code has that record id. */
  dropById(codeId: number): boolean;
  /** Products that gained a code (fetched or pushed) since `since`, the most recent first. In memory only. */
  recentlyActive(since: number): number[];
};

export type CodeCacheDeps = {
  readonly store: KioskStore;
  readonly cloud: CatalogCloud;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly hash: CodeHasher;
  readonly concurrency: number;
  readonly books: StockBooks;
};

/** An expired code is kept this long after its expiry, so a customer typing it is told "expired", not "unknown". */
export const EXPIRED_KEPT_MS = 86_400_000;

export const createCodeCache = (deps: CodeCacheDeps): CodeCache => {
  const { store, cloud, clock, logger, hash } = deps;
  // The cloud stops listing a code when it expires; the engine's local expiry check needs it to still be here.
  const keepRecentlyExpired = (rows: CacheRows, now: number): CacheRows => ({
    ...rows,
    dropCodes: rows.dropCodes.filter((h) => {
      const expiresAt = store.findCode(h)?.expiresAt ?? null;
      return expiresAt === null || expiresAt > now || now - expiresAt > EXPIRED_KEPT_MS;
    }),
  });
  const time = createRefreshTime(store, clock);
  const serial = oneAtATime();
  const pushed = createPushedChanges();
  // Where codes were last seen arriving: a product that just had one is the likeliest to have the next.
  const activity = new Map<number, number>();
  const noteActivity = (productId: number, at: number): void => {
    activity.delete(productId);
    activity.set(productId, at);
  };
  let inFlight: Promise<Result<RefreshSummary, CloudError>> | null = null;

  /** Called in the same synchronous step as the diff it writes: nothing can change the store in between. */
  const write = (found: CacheRows, full: boolean, startedAt: number): number => {
    const at = clock.now();
    const rows = keepRecentlyExpired(pushed.guard(found, startedAt, at), at);
    // The first fill brings every code there is: that says nothing about where the next one will appear.
    if (time.age() !== null) for (const c of rows.putCodes) noteActivity(c.productId, at);
    const changed = rowsToWrite(rows) > 0;
    const written = store.applyCacheChanges({
      ...rows,
      refreshedAt: full ? time.toStore(at, changed) : null,
      at,
    });
    if (full) time.mark(at);
    return written;
  };

  const fill = async (): Promise<Result<RefreshSummary, CloudError>> => {
    const started = clock.now();
    const epoch = deps.books.epoch();
    const products = await cloud.listProducts();
    if (!products.ok) return products;
    const ids = products.value.map((p) => p.productId);
    const codes = await listUnusedCodes(cloud, hash, ids, deps.concurrency);
    if (!codes.ok) return codes;
    // The cloud's stock figures miss what this machine has not reported yet: the books put that back.
    const reconciled = deps.books.reconcile(products.value, epoch);
    const written = write(
      {
        ...diffCodes(store.listCachedCodes(), codes.value),
        ...diffProducts(store.listProducts(), reconciled),
      },
      true,
      started,
    );
    const summary = {
      products: ids.length,
      codes: codes.value.length,
      tookMs: clock.now() - started,
      written,
    };
    logger.info('cache.refreshed', summary);
    return ok(summary);
  };

  const fillSome = async (productIds: readonly number[]): Promise<Result<RefreshSummary, CloudError>> => {
    const started = clock.now();
    const ids = [...new Set(productIds)].filter((id) => store.getProduct(id) !== null);
    const codes = await listUnusedCodes(cloud, hash, ids, deps.concurrency);
    if (!codes.ok) return codes;
    const stored = ids.flatMap((id) => store.listCachedCodesOf(id));
    const rows = { ...diffCodes(stored, codes.value), putProducts: [], dropProducts: [] };
    const written = write(rows, false, started);
    const summary = {
      products: ids.length,
      codes: codes.value.length,
      tookMs: clock.now() - started,
      written,
    };
    // A rotation runs this often: a line only when it found something.
    if (written > 0) logger.info('cache.products-refreshed', summary);
    else logger.debug('cache.products-refreshed', summary);
    return ok(summary);
  };

  return {
    refresh() {
      inFlight ??= serial(fill).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    refreshProducts: (productIds) => serial(() => fillSome(productIds)),
    lookup: (code) => store.findCode(hash(code)),
    lookupHash: (codeHash) => store.findCode(codeHash),
    age: () => time.age(),
    drop: (codeHash) => {
      store.dropCode(codeHash);
    },
    put: (code) => {
      pushed.put(code.codeHash, clock.now());
      noteActivity(code.productId, clock.now());
      store.putCode(code);
    },
    recentlyActive(since) {
      for (const [id, at] of activity) if (at < since) activity.delete(id);
      return [...activity.keys()].reverse();
    },
    dropById: (codeId) => {
      pushed.deleted(codeId, clock.now());
      return store.dropCodeById(codeId);
    },
  };
};
