import { createHash, createHmac } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/adapters/sqlite/open-store';
import { createCodeCache } from '../../electron/core/cache/code-cache';
import { loadCodeHasher } from '../../electron/core/cache/code-hash';
import { createStockBooks } from '../../electron/core/stock/stock-books';
import { demoSeed, listDemoCodes } from '../../electron/sim/cloud/demo-seed';
import { SimCloudState } from '../../electron/sim/cloud/state';
import { FakeVendorCloud } from '../fakes/fake-vendor-cloud';
import { ManualClock } from '../fakes/manual-clock';
import { MemoryLogger } from '../fakes/memory-logger';

/**
 * Red team: someone walks off with a copy of the kiosk's disk (or just kiosk.db) and wants the pickup codes the
 * cache holds. Without the key in the OS-encrypted store, every hash they can compute from a candidate code
 * (bare SHA-256, SHA-256 with anything the database holds as salt, HMAC keyed with anything in it) must miss.
 */
const dir = mkdtempSync(join(tmpdir(), 'kiosk-red-db-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const KEY = Buffer.alloc(32, 0x7d);

const fillCache = async (): Promise<string[]> => {
  const clock = new ManualClock();
  const logger = new MemoryLogger();
  const store = openStore(join(dir, 'kiosk.db'));
  const cloud = new FakeVendorCloud(new SimCloudState(demoSeed(), { now: () => clock.now() }), clock);
  const hash = loadCodeHasher(store, KEY, logger);
  const books = createStockBooks({ store, cloud, clock, logger });
  const cache = createCodeCache({ store, cloud, clock, logger, hash, concurrency: 4, books });
  expect((await cache.refresh()).ok).toBe(true);
  store.close();
  return listDemoCodes(clock.now()).map((c) => c.code);
};

describe('red team: the codes in a copied database', () => {
  it('cannot be recovered without the key, and can with it', async () => {
    const real = await fillCache();
    copyFileSync(join(dir, 'kiosk.db'), join(dir, 'stolen.db'));
    const stolen = new DatabaseSync(join(dir, 'stolen.db'), { readOnly: true });
    const hashes = new Set(
      stolen
        .prepare('SELECT code_hash FROM code_cache')
        .all()
        .map((r) => String(r.code_hash)),
    );
    // Everything in the file an attacker could try as a salt or a key.
    const metaValues = stolen
      .prepare('SELECT value FROM meta')
      .all()
      .map((r) => String(r.value));
    stolen.close();
    expect(hashes.size).toBe(real.length);

    // Every 8-digit code sharing its first four digits with a real one: 10^4 candidates per real code.
    const candidates = [...new Set(real.map((c) => c.slice(0, 4)))].flatMap((prefix) =>
      Array.from({ length: 10_000 }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`),
    );
    const keyless = (code: string): string[] => [
      createHash('sha256').update(code).digest('hex'),
      ...metaValues.flatMap((v) => [
        createHash('sha256').update(`${v}:${code}`).digest('hex'),
        createHmac('sha256', v).update(code).digest('hex'),
      ]),
    ];
    const started = performance.now();
    let tried = 0;
    const foundWithout = candidates.filter((code) => keyless(code).some((h) => (tried++, hashes.has(h))));
    const perSecond = tried / ((performance.now() - started) / 1000);
    const foundWith = candidates.filter((code) =>
      hashes.has(createHmac('sha256', KEY).update(code).digest('hex')),
    );

    expect(candidates).toEqual(expect.arrayContaining(real));
    expect(foundWithout).toEqual([]);
    expect(foundWith.sort()).toEqual([...real].sort());
    process.stdout.write(
      `copied database: ${tried.toLocaleString('en')} key-less hashes tried at ${Math.round(perSecond).toLocaleString('en')}/s, 0 of ${real.length} codes found; with the key all ${real.length}\n`,
    );
  }, 60_000);
});
