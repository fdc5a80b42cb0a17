import { afterEach, describe, expect, it } from 'vitest';
import { PERSIST_REFRESH_TIME_AFTER_MS } from '../../../../electron/core/cache/refresh-time';
import { cacheRig, filledRig, refreshed, type CacheRig } from './cache-rig';

let rig: CacheRig;
afterEach(() => {
  rig.close();
});

describe('code cache refresh: the stored refresh time', () => {
  it('is kept in memory, stored with changed rows or once it is 10 minutes old, and read after a restart', async () => {
    rig = await filledRig();
    expect(PERSIST_REFRESH_TIME_AFTER_MS).toBe(10 * 60_000);
    const firstAt = rig.clock.now() - 60_000;
    await rig.clock.advance(4 * 60_000);
    await refreshed(rig.cache.refresh());
    expect(rig.writes.take().committed).toBe(false);
    expect(rig.cache.age()).toBe(0);
    expect(rig.store.getMeta('cache.refreshedAt')).toBe(String(firstAt));
    // A restart sees the stored time: the cache looks older than it is, never younger.
    rig.restart();
    expect(rig.cache.age()).toBe(5 * 60_000);
    await rig.clock.advance(5 * 60_000);
    await refreshed(rig.cache.refresh());
    expect(rig.writes.take()).toEqual({
      rows: { code_cache: 0, products: 0, meta: 1 },
      cache: 0,
      committed: true,
    });
    expect(rig.store.getMeta('cache.refreshedAt')).toBe(String(rig.clock.now()));
  });

  it('is unknown before the first refresh of an empty store', () => {
    rig = cacheRig();
    expect(rig.cache.age()).toBeNull();
  });
});
