import type { FlowState } from './flow-state';

export type ScreenName =
  | 'starting'
  | 'out-of-service'
  | 'locked-out'
  | 'entry'
  | 'attract'
  | 'checking'
  | 'dispensing'
  | 'success'
  | 'partial'
  | 'failed'
  | 'attention';

/** The later of the two lock deadlines (kiosk state and the last answer), or null when entry is open. */
export const lockDeadline = (state: FlowState): number | null => {
  const fromState = state.kiosk?.entryLockedUntil ?? null;
  const fromAnswer = state.answeredLockUntil;
  if (fromState === null) return fromAnswer;
  if (fromAnswer === null) return fromState;
  return Math.max(fromState, fromAnswer);
};

/**
 * Which full-screen step to show. Order matters: a redemption in flight always stays on screen, and a
 * customer always sees their outcome before any kiosk-wide condition replaces it.
 */
export const selectScreen = (state: FlowState, now: number): ScreenName => {
  const { flow, kiosk } = state;
  if (flow.step === 'checking' || flow.step === 'dispensing') return flow.step;
  if (flow.step === 'finished') return flow.result.outcome;
  if (flow.step === 'rejected') return 'failed';
  if (kiosk === null || kiosk.phase === 'starting') return 'starting';
  if (kiosk.phase === 'out-of-service') return 'out-of-service';
  const deadline = lockDeadline(state);
  if (deadline !== null && deadline > now) return 'locked-out';
  return state.attract && kiosk.attract === true ? 'attract' : 'entry';
};

/** Whole seconds left until `deadline`, rounded up so the countdown never shows 0 while still locked. */
export const secondsLeft = (deadline: number, now: number): number =>
  Math.max(0, Math.ceil((deadline - now) / 1000));

/** m:ss for the countdown. */
export const formatCountdown = (seconds: number): string => {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `${minutes}:${rest.toString().padStart(2, '0')}`;
};
