import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../../../electron/core/util/map-with-concurrency';

const deferred = (): { promise: Promise<void>; resolve: () => void } => {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('mapWithConcurrency', () => {
  it('keeps input order whatever order the calls finish in', async () => {
    const gates = [deferred(), deferred(), deferred()];
    const result = mapWithConcurrency([0, 1, 2], 3, async (i) => {
      await gates[i]?.promise;
      return i * 10;
    });
    gates[2]?.resolve();
    gates[0]?.resolve();
    gates[1]?.resolve();
    expect(await result).toEqual([0, 10, 20]);
  });

  it('never has more than `limit` calls in flight, and uses all of them', async () => {
    let inFlight = 0;
    let peak = 0;
    await mapWithConcurrency(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
      },
    );
    expect(peak).toBe(4);
  });

  it('handles an empty list and a limit larger than the list', async () => {
    expect(await mapWithConcurrency([], 5, () => Promise.resolve(1))).toEqual([]);
    expect(await mapWithConcurrency(['a'], 50, (s) => Promise.resolve(s.toUpperCase()))).toEqual(['A']);
  });

  it('rejects a limit below 1 or not whole', async () => {
    await expect(mapWithConcurrency([1], 0, () => Promise.resolve(1))).rejects.toThrow(RangeError);
    await expect(mapWithConcurrency([1], 1.5, () => Promise.resolve(1))).rejects.toThrow(RangeError);
  });

  it('rejects with the first thrown error and starts no new calls after it', async () => {
    const started: number[] = [];
    const run = mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (i) => {
      started.push(i);
      await new Promise((r) => setImmediate(r));
      if (i === 1) throw new Error('bug');
      return i;
    });
    await expect(run).rejects.toThrow('bug');
    expect(started.length).toBeLessThan(6);
  });
});
