import { afterEach, describe, expect, it } from 'vitest';
import { filledRig, refreshed, type CacheRig } from './cache-rig';

let rig: CacheRig;
afterEach(() => {
  rig.close();
});

describe('a push that lands while a refresh is reading the cloud', () => {
  it('keeps a code pushed during the refresh, though the refresh read the cloud before it existed', async () => {
    rig = await filledRig();
    const running = rig.cache.refresh();
    rig.cache.put({
      codeHash: rig.hash('55667788'),
      codeId: 900,
      productId: 1,
      quantity: 1,
      expiresAt: null,
    });
    await refreshed(running);
    expect(rig.cache.lookup('55667788')).toMatchObject({ codeId: 900 });
  });

  it('does not put back a code withdrawn during the refresh', async () => {
    rig = await filledRig();
    const listed = rig.cloud.codes.get(1)?.[0];
    if (!listed) throw new Error('no code');
    const running = rig.cache.refresh();
    expect(rig.cache.dropById(listed.id)).toBe(true);
    await refreshed(running);
    expect(rig.cache.lookup(listed.code)).toBeNull();
  });

  it('lets the next refresh, started after the push, decide as usual', async () => {
    rig = await filledRig();
    rig.cache.put({
      codeHash: rig.hash('55667788'),
      codeId: 900,
      productId: 1,
      quantity: 1,
      expiresAt: null,
    });
    await rig.clock.advance(1000);
    await refreshed(rig.cache.refresh());
    // The cloud does not list it (used or withdrawn since): a refresh that read the cloud afterwards drops it.
    expect(rig.cache.lookup('55667788')).toBeNull();
  });
});
