/**
 * One durable value, read and written whole. The customer throttle keeps its state in the store's meta table;
 * the maintenance PIN, which runs in main whether or not a core does, in a file. Both writes are complete
 * before `write` returns, so a count made before an answer survives a crash right after it.
 */
export type StateCell = {
  /** The saved text, or null when nothing was saved yet. Throws when it exists but cannot be read. */
  read(): string | null;
  write(value: string): void;
};

/** Kept only in memory: for tests, and for a shell that was given nowhere to save. */
export const memoryCell = (initial: string | null = null): StateCell => {
  let value = initial;
  return {
    read: () => value,
    write(next) {
      value = next;
    },
  };
};
