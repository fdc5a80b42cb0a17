/**
 * Many byte strings searched for in one pass (Aho–Corasick). A package is a few hundred MB and a fleet build
 * knows three credentials per machine in several spellings each: searching for each one separately would read
 * the package once per spelling. This reads every byte once, whatever the number of patterns, and carries its
 * state from one chunk to the next, so a file is read in pieces without overlaps.
 */
export type ByteMatcher = {
  /** The state before the first byte of a file. */
  readonly start: number;
  /**
   * Feeds `chunk` from `state`; calls `onMatch(pattern, end)` for every pattern that ends in it, `end` being
   * the index just past the match in this chunk (a match may have begun in an earlier one). Returns the state
   * to continue with.
   */
  scan(chunk: Uint8Array, state: number, onMatch: (pattern: number, end: number) => void): number;
};

/**
 * Bytes that occur in no pattern share one column, so the table is states × (distinct pattern bytes + 1)
 * instead of states × 256. Each cell holds the next state's row offset, negated when that state ends a pattern,
 * which keeps the inner loop to one lookup and one sign test per byte.
 */
export const compileByteMatcher = (patterns: readonly Uint8Array[]): ByteMatcher => {
  // 16 bits: all 256 byte values may occur in patterns, and column 0 is taken by the bytes that occur in none.
  const column = new Uint16Array(256);
  let width = 1;
  for (const p of patterns) for (const b of p) if (column[b] === 0) column[b] = width++;

  // The trie of the patterns: one state per distinct prefix.
  const edges: Map<number, number>[] = [new Map<number, number>()];
  const ends: number[][] = [[]];
  patterns.forEach((p, index) => {
    if (p.length === 0) throw new Error('an empty pattern matches everywhere');
    let state = 0;
    for (const b of p) {
      const c = column[b] ?? 0;
      let next = edges[state]?.get(c);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        ends.push([]);
        edges[state]?.set(c, next);
      }
      state = next;
    }
    ends[state]?.push(index);
  });

  // Failure links breadth-first, so a state's fallback (always shallower) is complete before the state is.
  const fail = new Int32Array(edges.length);
  const order: number[] = [0];
  const step = (from: number, c: number): number => {
    let state = from;
    while (state !== 0 && !edges[state]?.has(c)) state = fail[state] ?? 0;
    return edges[state]?.get(c) ?? 0;
  };
  for (let i = 0; i < order.length; i += 1) {
    const state = order[i] ?? 0;
    for (const [c, next] of edges[state] ?? []) {
      fail[next] = state === 0 ? 0 : step(fail[state] ?? 0, c);
      for (const index of ends[fail[next] ?? 0] ?? []) ends[next]?.push(index);
      order.push(next);
    }
  }

  // The table in the same order: a missing edge copies the fallback's cell, which is filled already.
  const table = new Int32Array(edges.length * width);
  for (const state of order) {
    for (let c = 0; c < width; c += 1) {
      const next = edges[state]?.get(c);
      if (next === undefined) {
        table[state * width + c] = state === 0 ? 0 : (table[(fail[state] ?? 0) * width + c] ?? 0);
      } else {
        table[state * width + c] = (ends[next]?.length ?? 0) > 0 ? -next * width : next * width;
      }
    }
  }

  return {
    start: 0,
    scan(chunk, state, onMatch) {
      let s = state;
      for (let i = 0; i < chunk.length; i += 1) {
        s = table[s + (column[chunk[i] ?? 0] ?? 0)] ?? 0;
        if (s < 0) {
          s = -s;
          for (const index of ends[s / width] ?? []) onMatch(index, i + 1);
        }
      }
      return s;
    },
  };
};
