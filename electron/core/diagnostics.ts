import type { BoardProblem } from './boards/board-health';
import type { LiveLinkView } from './live/live-service';
import type { KioskStore, RedemptionRow, SlotLock } from './ports/store';

/** What an operator needs to see at a glance: nothing here carries a code, a credential or a signature. */
export type Diagnostics = {
  /** Reports still owed to the cloud: queued consumes and orders, and products whose new count it has not accepted. */
  readonly outboxLength: number;
  readonly slotLocks: readonly SlotLock[];
  readonly needsAttention: readonly Pick<
    RedemptionRow,
    'id' | 'codeMask' | 'slotName' | 'state' | 'note' | 'updatedAt'
  >[];
  /** Codes still owed units, newest first: masked, with the slot and how many. */
  readonly owed: readonly Pick<RedemptionRow, 'id' | 'codeMask' | 'slotName' | 'owed' | 'updatedAt'>[];
  /** Boards whose slots are out of service, and why (the start-up check); the other boards serve. */
  readonly boardsOut: readonly BoardProblem[];
  readonly openRedemptions: number;
  readonly cacheAgeMs: number | null;
  readonly clockSkewMs: number | null;
  readonly redemptions: number;
  /** The vendor's MQTT channel; absent when the machine has none configured. */
  readonly liveLink?: LiveLinkView;
};

/** Read from the store alone, so the operator CLI can show it from the database of a running kiosk. */
export const readDiagnostics = (
  store: KioskStore,
  live: {
    cacheAgeMs: number | null;
    clockSkewMs: number | null;
    boardsOut?: readonly BoardProblem[];
    liveLink?: LiveLinkView | null;
  },
): Diagnostics => ({
  // Reports owed to the vendor cloud; alerts waiting for the webhook are not the cloud falling behind.
  outboxLength: store.cloudBacklog().length + store.pendingStock().length,
  slotLocks: store.listSlotLocks(),
  needsAttention: store
    .listNeedingAttention(50)
    .map(({ id, codeMask, slotName, state, note, updatedAt }) => ({
      id,
      codeMask,
      slotName,
      state,
      note,
      updatedAt,
    })),
  owed: store
    .listOwed(50)
    .map(({ id, codeMask, slotName, owed, updatedAt }) => ({ id, codeMask, slotName, owed, updatedAt })),
  boardsOut: live.boardsOut ?? [],
  openRedemptions: store.listRedemptions(['matched', 'consuming', 'consumed', 'dispensing']).length,
  cacheAgeMs: live.cacheAgeMs,
  clockSkewMs: live.clockSkewMs,
  redemptions: store.countRedemptions(),
  ...(live.liveLink ? { liveLink: live.liveLink } : {}),
});
