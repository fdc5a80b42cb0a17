export type BackoffPolicy = {
  /** Delay before the first retry, before jitter. */
  readonly baseMs: number;
  /** Upper bound of any single delay. */
  readonly maxMs: number;
};

export const defaultBackoff: BackoffPolicy = { baseMs: 250, maxMs: 4000 };

/**
 * Delay before retry number `retry` (0-based): exponential, capped, with "equal jitter" (half fixed, half
 * random) so that kiosks that lost the network together do not come back in lockstep, yet never retry at once.
 */
export const backoffDelayMs = (
  retry: number,
  random: () => number,
  policy: BackoffPolicy = defaultBackoff,
): number => {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling / 2 + (r * ceiling) / 2);
};
