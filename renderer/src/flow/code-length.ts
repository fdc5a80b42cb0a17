import { MAX_CODE_LENGTH, MIN_CODE_LENGTH } from './flow-state';

/**
 * How long a pickup code usually is: the vendor issues 8-digit codes, while the contract accepts 6–10. The
 * contract has no code-length setting yet, so the entry screen assumes 8 (one place to change when it gets one):
 * it shows 8 boxes and says "8-digit", and still takes any length the contract allows.
 */
export const EXPECTED_CODE_LENGTH = 8;

/** Boxes to draw: the expected length, more as the customer types past it (up to the maximum the keypad takes). */
export const codeBoxCount = (typed: number, expected: number = EXPECTED_CODE_LENGTH): number =>
  Math.min(MAX_CODE_LENGTH, Math.max(expected, typed));

/** Digits still needed before submit is allowed; 0 once the code is long enough. */
export const missingDigits = (typed: number): number => Math.max(0, MIN_CODE_LENGTH - typed);
