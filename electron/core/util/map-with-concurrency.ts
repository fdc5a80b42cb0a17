/**
 * Maps `items` through the async `fn` with at most `limit` calls in flight, keeping the input order in the
 * result. Used to fill the code cache: one request per product is fast only when several are in the air,
 * and a bound keeps the kiosk from flooding the vendor. `fn` should return failures as values; a throw is a
 * bug and rejects the whole map once the calls already started have settled.
 */
export const mapWithConcurrency = async <T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`concurrency limit must be a whole number ≥ 1, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  const halt: { failure?: { error: unknown } } = {};

  const worker = async (): Promise<void> => {
    while (halt.failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        halt.failure ??= { error };
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (halt.failure !== undefined) throw halt.failure.error;
  return results;
};
