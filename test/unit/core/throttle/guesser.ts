import type { KioskCore } from '../../../../electron/core/create-kiosk-core';
import type { ManualClock } from '../../../fakes/manual-clock';

export type Attempt = { readonly at: number; readonly valid: boolean; readonly dispensed: boolean };

/** A deterministic stream of 8-digit guesses; every `everyNth` one is a real code (a guesser far luckier than any real one). */
export const guessStream = (valid: readonly string[], everyNth: number, seed = 7): (() => string) => {
  let x = seed;
  let n = 0;
  let nextValid = 0;
  const random = (): number => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
  return () => {
    n++;
    if (n % everyNth === 0 && nextValid < valid.length) return valid[nextValid++] ?? '';
    return String(Math.floor(random() * 1e8)).padStart(8, '0');
  };
};

/**
 * Guesses as fast as the kiosk lets it for `durationMs`: while entry is locked it waits exactly until the
 * lockout ends (read from the same state the screen counts down from), otherwise it types the next code,
 * taking `typingMs` per code. Every code it gets to submit reached the match step.
 */
export const guessFor = async (
  core: KioskCore,
  clock: ManualClock,
  durationMs: number,
  next: () => string,
  isValid: (code: string) => boolean,
  typingMs = 2000,
): Promise<Attempt[]> => {
  const end = clock.now() + durationMs;
  const attempts: Attempt[] = [];
  while (clock.now() < end) {
    const lockedUntil = core.getState().entryLockedUntil;
    if (lockedUntil !== null) {
      await clock.advance(Math.min(lockedUntil, end) - clock.now());
      continue;
    }
    const code = next();
    const answer = await core.submitCode(code);
    attempts.push({ at: clock.now(), valid: isValid(code), dispensed: answer.ok });
    await clock.advance(typingMs);
  }
  return attempts;
};

/** The most of `times` found in any window of `spanMs` (a sliding window, like the budget's). */
export const busiest = (times: readonly number[], spanMs: number): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= spanMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
};
