import { expect } from 'vitest';
import type { DispenseOutcome } from '../../electron/core/ports/board';

/** Asserts the outcome kind, a phrase of the operator reason, and (for failures) the fault code. */
export const expectOutcome = (
  o: DispenseOutcome,
  outcome: DispenseOutcome['outcome'],
  reasonPart?: string,
  faultCode?: number | null,
): void => {
  expect(o.outcome).toBe(outcome);
  if (reasonPart !== undefined) expect(o.outcome === 'success' ? '' : o.reason).toContain(reasonPart);
  if (faultCode !== undefined) expect(o.outcome === 'failed' ? o.faultCode : undefined).toBe(faultCode);
};
