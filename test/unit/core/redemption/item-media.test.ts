import { afterEach, describe, expect, it } from 'vitest';
import { codes, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.core.stop();
  h.store.close();
});

const photoPath = `media/${'c'.repeat(64)}.png`;

describe('redemption events show the item', () => {
  it('carry the slot name and the cached photo on every progress event and the result', async () => {
    const asked: number[] = [];
    h = await startHarness({}, true, undefined, {
      productPhoto: (productId) => {
        asked.push(productId);
        return productId === 101 ? photoPath : undefined;
      },
    });
    const result = await h.core.submitCode(codes.one);
    expect(result).toMatchObject({ ok: true, value: { productPhoto: photoPath, slotName: 'A01' } });
    expect(h.progress.length).toBeGreaterThan(1);
    for (const p of h.progress) expect(p).toMatchObject({ productPhoto: photoPath, slotName: 'A01' });
    expect(new Set(asked)).toEqual(new Set([101]));
  });

  it('leave the photo out when it is not cached, and still name the slot', async () => {
    h = await startHarness({}, true, undefined, { productPhoto: () => undefined });
    const result = await h.core.submitCode(codes.one);
    expect(result.ok && 'productPhoto' in result.value).toBe(false);
    expect(result).toMatchObject({ ok: true, value: { slotName: 'A01' } });
    for (const p of h.progress) expect('productPhoto' in p).toBe(false);
  });

  it('leave the photo out when no media cache is attached', async () => {
    h = await startHarness();
    const result = await h.core.submitCode(codes.one);
    expect(result.ok && 'productPhoto' in result.value).toBe(false);
  });
});
