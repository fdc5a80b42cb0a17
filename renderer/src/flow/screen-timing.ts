import { isBusy, type FlowState } from './flow-state';
import type { ScreenName } from './select-screen';

/**
 * "Still there?" is asked over the last 15 s of a wait: long enough to notice it from a step away, read two
 * short lines and reach the button, short enough that a customer who walked off is not kept waiting for. Never
 * more than half the wait, so a short configured timeout (10 s) still gives 5 s of quiet before it asks.
 */
export const PROMPT_SECONDS = 15;

/**
 * A screen showing a support reference stays three idle timeouts (3 min at the default 60 s): time to write the
 * reference down or photograph it and find the support number. Capped at 5 min so the next customer does not meet
 * someone else's outcome for long; never shorter than an ordinary screen, whatever the configured timeout.
 */
export const REFERENCE_STAY_FACTOR = 3;
export const REFERENCE_STAY_CAP_SECONDS = 300;

/** A code check usually answers within a second or two; past 3 s the customer deserves to know why it waits. */
export const SLOW_NETWORK_MS = 3000;

const OUTCOMES: ReadonlySet<ScreenName> = new Set(['success', 'partial', 'failed', 'attention']);

/** How the idle wait behaves on the current screen. */
export type IdlePlan = {
  /** The screen it belongs to: the wait starts over whenever the screen changes. */
  readonly screen: ScreenName;
  /** Quiet time, in ms, before the screen returns to an empty entry. */
  readonly stayMs: number;
  /** The last part of the stay during which "Still there?" is asked; 0 where nothing visible would be lost. */
  readonly promptMs: number;
  /** Outcome screens say how long they stay. */
  readonly showsStay: boolean;
};

/** Seconds left of an outcome screen's stay, and the whole stay, for its "closes in" line. */
export type StayLeft = { readonly secondsLeft: number; readonly totalSeconds: number };

/** The "Still there?" part of a stay of `stayMs`. */
export const promptMsFor = (stayMs: number): number => Math.min(PROMPT_SECONDS * 1000, stayMs / 2);

/** How long, in seconds, a screen carrying a support reference stays, for the kiosk's idle timeout. */
export const referenceStaySeconds = (idleTimeoutSeconds: number): number =>
  Math.max(
    idleTimeoutSeconds,
    Math.min(idleTimeoutSeconds * REFERENCE_STAY_FACTOR, REFERENCE_STAY_CAP_SECONDS),
  );

/**
 * Partial, failed-to-drop and attention outcomes show a reference card, and so does a success that leaves items
 * owed (a make-up the slot could only partly cover); a refusal and a plain success do not.
 */
export const carriesReference = (state: FlowState): boolean =>
  state.flow.step === 'finished' && (state.flow.result.outcome !== 'success' || state.flow.result.owed > 0);

/**
 * An empty entry has nothing to forget but a picked language, and may give way to the attract screen: both after
 * one idle timeout, without asking, as no customer's work is lost. Not behind maintenance or a lock.
 */
const quietEntryPlan = (state: FlowState, screen: ScreenName, customerSees: boolean): IdlePlan | null => {
  const timeout = state.kiosk?.idleTimeoutSeconds ?? 0;
  const wanted = state.kiosk?.attract === true || state.chosenLanguage !== null;
  if (!customerSees || screen !== 'entry' || !wanted) return null;
  return { screen, stayMs: timeout * 1000, promptMs: 0, showsStay: false };
};

/**
 * The idle wait for what is on screen, or null when there is nothing to forget or a redemption is in flight.
 * `customerSees` is false while the maintenance screen covers the customer's: a half-typed code is still
 * forgotten then, but silently, as nobody is looking at it.
 */
export const idlePlan = (state: FlowState, screen: ScreenName, customerSees: boolean): IdlePlan | null => {
  const timeout = state.kiosk?.idleTimeoutSeconds;
  if (timeout === undefined || isBusy(state) || screen === 'attract') return null;
  if (state.flow.step === 'entry' && state.code === '') return quietEntryPlan(state, screen, customerSees);
  const outcome = OUTCOMES.has(screen);
  const seconds = outcome && carriesReference(state) ? referenceStaySeconds(timeout) : timeout;
  const stayMs = seconds * 1000;
  // Behind a lockout or "out of service" the typed code is not on screen: asking about it would only puzzle.
  const asks = customerSees && (outcome || screen === 'entry');
  return { screen, stayMs, promptMs: asks ? promptMsFor(stayMs) : 0, showsStay: customerSees && outcome };
};
