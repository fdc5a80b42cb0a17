/** How long to wait before trying a failed picture again: doubling from the first delay up to the ceiling. */
export const retryDelayMs = (failures: number, firstMs: number, ceilingMs: number): number =>
  Math.min(ceilingMs, firstMs * 2 ** Math.max(0, failures - 1));
