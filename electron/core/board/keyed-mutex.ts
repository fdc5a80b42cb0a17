/**
 * Serialises work per key: two dispenses on the same board must not interleave their status reads,
 * or each would take the other's "busy" for its own. Different boards still share the one wire queue.
 */
export type KeyedMutex = <T>(key: number, work: () => Promise<T>) => Promise<T>;

export const createKeyedMutex = (): KeyedMutex => {
  const tails = new Map<number, Promise<unknown>>();
  return <T>(key: number, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
};
