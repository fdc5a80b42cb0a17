/** Activity older than this no longer makes a product hot. */
export const HOT_WINDOW_MS = 86_400_000;

export type PollSettings = {
  /** The full refresh (product list and every product's codes) without the live link. */
  readonly fullEveryMs: number;
  /** The full refresh while the live link is up: only the safety net for a lost push. */
  readonly fullWhileUpMs: number;
  /** How many of the most recently active products are polled at every wake-up. 0: none. */
  readonly hotProducts: number;
  /** How often the poller wakes. */
  readonly wakeEveryMs: number;
};

/**
 * Hot products polled per wake-up: at most `hotProducts`, and never more than the full refresh costs over the same
 * time (products × wake / full interval), so the hot polling at most doubles the full refresh's calls. With the
 * full refresh 4× rarer than the former 300 s, the total stays at least 2× below what it was, whatever the
 * catalogue's size: 20 hot products of a 50-product machine would otherwise cost more than all 50 did.
 */
export const hotBudget = (settings: PollSettings, catalogue: number): number =>
  Math.min(
    settings.hotProducts,
    Math.max(1, Math.floor((catalogue * settings.wakeEveryMs) / settings.fullEveryMs)),
  );

export type PollDecision =
  | { readonly kind: 'full' }
  | { readonly kind: 'hot'; readonly productIds: readonly number[] }
  | { readonly kind: 'none' };

/**
 * What the background poller does when it wakes (every `cloud.hotRefreshSeconds`). Without the live link, a full
 * refresh when the cache is older than `fullEveryMs`, and otherwise the codes of the hot products only: the ones
 * redeemed or given a new code lately, where a customer's next code is most likely to appear. That keeps a new
 * code for a busy product redeemable within a minute while the full refresh, the expensive part (one call per
 * product), runs a quarter as often as it used to. With the link up, pushes bring every new code, so only the
 * hourly safety net runs.
 */
export const decidePoll = (
  settings: PollSettings,
  state: {
    readonly linkUp: boolean;
    readonly cacheAgeMs: number | null;
    /** Since the last full refresh this poller started, whatever its outcome; null: none yet. */
    readonly sinceFullTryMs: number | null;
    readonly hot: () => readonly number[];
    /** Products in the catalogue, asked only when hot products are to be polled. */
    readonly catalogue: () => number;
  },
): PollDecision => {
  const due = state.linkUp ? settings.fullWhileUpMs : settings.fullEveryMs;
  const age = state.cacheAgeMs ?? Number.POSITIVE_INFINITY;
  // A refresh that failed is not retried at every wake-up: one that got half-way costs a call per product.
  if (age >= due && (state.sinceFullTryMs === null || state.sinceFullTryMs >= due)) return { kind: 'full' };
  if (state.linkUp || settings.hotProducts === 0) return { kind: 'none' };
  const productIds = state.hot().slice(0, hotBudget(settings, state.catalogue()));
  return productIds.length === 0 ? { kind: 'none' } : { kind: 'hot', productIds };
};

/** Redeemed lately first (journal, across restarts), then given a code lately (this run), without repeats. */
export const hotProducts = (
  redeemed: readonly number[],
  gotCodes: readonly number[],
  max: number,
): number[] => [...new Set([...redeemed, ...gotCodes])].slice(0, max);
