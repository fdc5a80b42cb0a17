/**
 * Runs jobs one after another, in the order they were handed in; a job starts at once when none is running. The
 * cache's refreshes go through one: each diffs against what the one before it wrote, so an older answer from the
 * cloud cannot land after a newer one for the same products.
 */
export const oneAtATime = () => {
  let tail: Promise<void> | null = null;
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail === null ? job() : tail.then(job);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    tail = settled;
    void settled.then(() => {
      if (tail === settled) tail = null;
    });
    return run;
  };
};
