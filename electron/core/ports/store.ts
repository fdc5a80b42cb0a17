import type { AdminStore } from './admin-store';
import type { CatalogStore } from './catalog-store';
import type { IncidentStore } from './incident-store';
import type { OutboxStore } from './outbox-store';
import type { RedemptionStore } from './redemption-store';
import type { StockStore } from './stock-store';
import type { TestDispenseStore } from './test-dispense-store';

export type { AdminStore, AuditEntry, SlotLock, SlotLockKind } from './admin-store';
export type { CachedCode, CatalogStore } from './catalog-store';
export type { OutboxBacklog, OutboxKind, OutboxRow, OutboxStore } from './outbox-store';
export type {
  NewRedemption,
  RedemptionPatch,
  RedemptionRow,
  RedemptionStore,
  UnitRow,
} from './redemption-store';
export type { PendingStock, StockChange, StockMark, StockStore } from './stock-store';

/** What a retention pass removed: redemptions (each with units and make-ups), audit, incidents, test dispenses. */
export type PruneCounts = {
  readonly redemptions: number;
  readonly audit: number;
  readonly incidents: number;
  readonly tests: number;
};

/**
 * The kiosk's durable state, one port per query file of the adapter. Every write is committed (fsynced) before
 * the call returns, so a write that precedes a side effect is on disk before the side effect starts. The
 * production adapter is SQLite (adapters/sqlite/open-store.ts).
 */
export interface KioskStore
  extends
    RedemptionStore,
    OutboxStore,
    CatalogStore,
    StockStore,
    AdminStore,
    IncidentStore,
    TestDispenseStore {
  /** Runs `fn` atomically: all of its writes commit together or not at all. */
  transaction<T>(fn: () => T): T;
  /**
   * Re-makes every stored code hash under a new key, atomically: the cache is emptied (and its age forgotten),
   * redemptions still holding their code in clear are re-hashed. Counts what was dropped and re-made.
   */
  rekeyCodes(hash: (code: string) => string): { rehashed: number; dropped: number };

  /** Removes finished history older than `cutoff` (see retention-queries.ts for what is always kept). */
  pruneBefore(cutoff: number): PruneCounts;

  close(): void;
}
