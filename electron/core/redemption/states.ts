/**
 * The redemption journal's state machine. Each state is written before the side effect it announces,
 * so after a crash the journal says exactly which side effect may have happened.
 *
 *   matched ──▶ consuming ──▶ consumed ──▶ dispensing ──▶ completed ──▶ reported
 *      │            │  ▲                       ▲
 *      │            ▼  │ (customer retries)    │
 *      │        abandoned / rejected           │
 *      └──────────── (offline, allow-cached) ──┘
 */
export const redemptionStates = [
  'matched',
  'consuming',
  'abandoned',
  'rejected',
  'consumed',
  'dispensing',
  'completed',
  'reported',
] as const;
export type RedemptionState = (typeof redemptionStates)[number];

export const transitions = {
  /** matched → dispensing only when the offline policy allows a cached code; its consume is deferred. */
  matched: ['consuming', 'abandoned', 'dispensing'],
  /** abandoned: the cloud could not be reached and the customer was told nothing was dispensed. */
  consuming: ['consumed', 'rejected', 'abandoned'],
  abandoned: ['consuming'],
  rejected: [],
  consumed: ['dispensing'],
  dispensing: ['completed'],
  completed: ['reported'],
  reported: [],
} as const satisfies Record<RedemptionState, readonly RedemptionState[]>;

export type NextState<S extends RedemptionState> = (typeof transitions)[S][number];

export const canTransition = (from: RedemptionState, to: RedemptionState): boolean =>
  (transitions[from] as readonly RedemptionState[]).includes(to);

/** States a redemption may be left in by a crash and that recovery must finish. */
export const unfinishedStates = [
  'matched',
  'consuming',
  'consumed',
  'dispensing',
] as const satisfies readonly RedemptionState[];

export type UnitState = 'intent' | 'success' | 'failed' | 'unknown' | 'skipped';
