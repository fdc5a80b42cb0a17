import { printableLine } from '../../contract/operator-schemas';
import { err, ok, type Result } from '../../contract/result';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';
import type { OperatorSource } from '../ports/test-dispense-store';

export type ResolveError = 'not-found' | 'not-flagged' | 'bad-note';

/** A note is one line an operator can read back in the audit log: printable, trimmed, at most this long. */
export const MAX_NOTE_LENGTH = 200;

/** The note as it will be kept, or null when it is empty, too long or carries control characters. */
export const cleanNote = (note: string): string | null => {
  const trimmed = note.trim();
  // The contract's own rule, so the core keeps no second copy of what a printable line is.
  return trimmed.length > MAX_NOTE_LENGTH || !printableLine.test(trimmed) ? null : trimmed;
};

/**
 * An operator looked into a pickup flagged for attention and says what they found: the flag goes, so the
 * list shows only what is still open. The history stays: the redemption's note keeps what it said with the
 * resolution appended, and the audit log records both, who resolved it and from where, in the same commit.
 * What a code is still owed and a slot's lock are left alone: they have their own settle and unlock.
 */
export const resolveAttention = (
  deps: { readonly store: KioskStore; readonly clock: Clock; readonly logger: Logger },
  redemptionId: string,
  note: string,
  by: OperatorSource,
): Result<{ readonly redemptionId: string; readonly note: string }, ResolveError> => {
  const { store, clock, logger } = deps;
  const clean = cleanNote(note);
  if (clean === null) return err('bad-note');
  const r = store.getRedemption(redemptionId);
  if (!r) return err('not-found');
  if (!r.attention) return err('not-flagged');
  const now = clock.now();
  const kept = r.note === null ? `resolved: ${clean}` : `${r.note}; resolved: ${clean}`;
  store.transaction(() => {
    store.patchRedemption(r.id, { attention: false, note: kept }, now);
    store.audit('attention.resolved', { redemption: r.id, was: r.note ?? '', note: clean, by }, now);
  });
  logger.info('attention.resolved', { redemption: r.id, code: r.codeMask, by });
  return ok({ redemptionId: r.id, note: kept });
};
