import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../../electron/adapters/sqlite/open-store';
import { createCodeCache, type CodeCache } from '../../../../electron/core/cache/code-cache';
import { loadCodeHasher, type CodeHasher } from '../../../../electron/core/cache/code-hash';
import type { KioskStore } from '../../../../electron/core/ports/store';
import { createStockBooks, type StockBooks } from '../../../../electron/core/stock/stock-books';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { countWrites } from '../../../helpers/sqlite-write-counter';
import { TableCloud } from './table-cloud';

export type CacheRig = {
  readonly path: string;
  store: KioskStore;
  cache: CodeCache;
  books: StockBooks;
  readonly cloud: TableCloud;
  readonly clock: ManualClock;
  readonly logger: MemoryLogger;
  readonly hash: CodeHasher;
  readonly writes: ReturnType<typeof countWrites>;
  /** The same database file opened again by a new store and cache: a kiosk restart. */
  restart(): void;
  close(): void;
};

const KEY = Buffer.alloc(32, 0x5c);

/** The real code cache on the real SQLite store (on disk, so a second connection can count its writes). */
export const cacheRig = (cloud: TableCloud = TableCloud.filled(3, 2)): CacheRig => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-cache-'));
  const path = join(dir, 'kiosk.db');
  const clock = new ManualClock();
  const logger = new MemoryLogger();
  const build = () => {
    const store = openStore(path);
    const hash = loadCodeHasher(store, KEY, logger);
    const books = createStockBooks({ store, cloud, clock, logger });
    const cache = createCodeCache({ store, cloud, clock, logger, hash, concurrency: 4, books });
    return { store, hash, books, cache };
  };
  const first = build();
  const rig: CacheRig = {
    path,
    ...first,
    cloud,
    clock,
    logger,
    writes: countWrites(path),
    restart() {
      rig.store.close();
      const next = build();
      rig.store = next.store;
      rig.books = next.books;
      rig.cache = next.cache;
    },
    close() {
      rig.writes.close();
      rig.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return rig;
};

/** The refresh's summary, or a thrown error naming the cloud's failure. */
export const refreshed = async (
  run: Promise<Awaited<ReturnType<CodeCache['refresh']>>>,
): Promise<{ products: number; codes: number; written: number }> => {
  const r = await run;
  if (!r.ok) throw new Error(`refresh failed: ${r.error.code}`);
  return { products: r.value.products, codes: r.value.codes, written: r.value.written };
};

/** A rig whose cache holds the cloud's products and codes, a minute after that first fill (its writes taken). */
export const filledRig = async (cloud?: TableCloud): Promise<CacheRig> => {
  const rig = cacheRig(cloud);
  await refreshed(rig.cache.refresh());
  rig.writes.take();
  rig.cloud.listed.length = 0;
  await rig.clock.advance(60_000);
  return rig;
};

/** The cached code TableCloud made as record `id`, looked up by the hash the cache stores. */
export const cachedCode = (rig: CacheRig, id: number) =>
  rig.store.findCode(rig.hash(String(10_000_000 + id)));
