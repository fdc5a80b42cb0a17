import type { RedemptionProgress } from '../../contract/schemas';
import type { CodeCache } from '../cache/code-cache';
import type { BoardDriver, DispenseRequest } from '../ports/board';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';
import type { VendorCloud } from '../ports/vendor-cloud';
import type { UnitFault } from '../incidents/incident-capture';

export type OfflinePolicy =
  | { readonly policy: 'deny' }
  /** Dispense from the cached code list when the cloud is unreachable, if the cache is younger than this. */
  | { readonly policy: 'allow-cached'; readonly maxCacheAgeMs: number };

export type EngineSettings = {
  readonly offline: OfflinePolicy;
  /** A miss refreshes a cache older than this, and misses start at most one refresh per this long. */
  readonly refreshOnMissAfterMs: number;
  /** Upload orders and stock to the cloud. Off: redemptions finish at `completed` with nothing queued. */
  readonly reporting: boolean;
  /** Failed units in a row on one slot, of any kind, that take it out of service; 0 never does. */
  readonly quarantineAfterFailures: number;
  /** Owed units may come from another healthy slot holding the same good (see owed-source.ts). */
  readonly owedFromOtherSlot: boolean;
};

/** How to drive one slot, from the machine configuration; null when the slot's board is not configured. */
export type SlotResolver = (addr: number, slot: number) => DispenseRequest | null;

export type EngineDeps = {
  readonly store: KioskStore;
  readonly cloud: VendorCloud;
  readonly board: BoardDriver;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly cache: CodeCache;
  readonly settings: EngineSettings;
  readonly slotRequest: SlotResolver;
  readonly newTradeId: () => string;
  readonly emitProgress: (progress: RedemptionProgress) => void;
  /** The app-origin path of a product's cached photo, from memory; absent or undefined shows no photo. */
  readonly productPhoto?: (productId: number) => string | undefined;
  /** When this machine (the OS) last started, epoch ms: a unit's intent older than that survived a power cut. */
  readonly machineBootedAt: () => number;
  /** Why a board's slots are out of service (dead at start, or not what the configuration says); null if fine. */
  readonly boardProblem: (addr: number) => string | null;
  /** A unit ended failed or unknown: the flight recorder keeps the evidence (incidents/incident-capture.ts). */
  readonly onUnitFault: (fault: UnitFault) => void;
  /**
   * The cloud accepted a consume: the live link queues `client.pickup_codes.put`. Called inside the consume's
   * journal transaction, so it must only queue, synchronously.
   */
  readonly onCodeUsed?: (pickupCodeId: number) => void;
  /** The spacing of refreshes started by misses, when it is not `settings.refreshOnMissAfterMs` (the live link). */
  readonly missRefreshAfterMs?: () => number;
};
