import type { SoundChange, SoundSettings } from './sound/sound-settings';
import type { IpcError } from '../contract/errors';
import type { Result } from '../contract/result';
import type { KioskState, RedemptionResult } from '../contract/schemas';
import type { AlertAdapters } from './alerts/create-alerts';
import type { FrameRecorder } from './board/recorder';
import type { LiveAdapters } from './live/create-live-link';
import type { MachineConfig } from './config/schema';
import type { Diagnostics } from './diagnostics';
import type { KioskEvents } from './kiosk-events';
import type { BoardDriver } from './ports/board';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { OperatorCore } from './operator/create-operator';
import type { KioskStore } from './ports/store';
import type { VendorCloud } from './ports/vendor-cloud';
import type { Restocked, RestockError } from './stock/restock';

/** What the kiosk core is given and what it offers: the one shape the shell, the CLI and the tests program to. */
export type KioskCoreOptions = {
  readonly config: MachineConfig;
  readonly mode: 'demo' | 'live';
  /** Shown on screen in demo mode only. */
  readonly demoCodes?: readonly string[];
};

export type KioskAdapters = {
  readonly store: KioskStore;
  readonly cloud: VendorCloud;
  readonly board: BoardDriver;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly newTradeId: () => string;
  /** The key the cached codes are hashed under: from the OS-encrypted store, never the database. */
  readonly codeKey: Uint8Array;
  /** When the OS last started (epoch ms); unset means long ago, as a kiosk process restart looks. */
  readonly machineBootedAt?: () => number;
  /** A product's cached photo as an app-origin path, from the media cache's memory (electron/core/media). */
  readonly productPhoto?: (productId: number) => string | undefined;
  /** The board line's black box, shared with the board driver; a failed or unknown unit snapshots it. */
  readonly recorder?: FrameRecorder;
  /** The webhook's way out and its HMAC key (provisioning file); unset, a configured webhook stays off. */
  readonly alerts?: AlertAdapters;
  /** The vendor's MQTT channel (core/live); unset, or no `liveLink.brokerUrl`, the kiosk polls only. */
  readonly live?: LiveAdapters;
};

export type KioskStartOptions = {
  /** Waits (bounded) for the board's first answer, so recovery reads a board that is there. */
  readonly awaitBoard?: () => Promise<void>;
};

export type KioskCore = {
  /**
   * Waits for the board, resolves interrupted redemptions, fills the code cache (in the background when an
   * earlier fill is on disk), starts the background loops. Each step is published as `startupStep`.
   */
  start(options?: KioskStartOptions): Promise<void>;
  stop(): Promise<void>;
  getState(): KioskState;
  submitCode(code: string): Promise<Result<RedemptionResult, IpcError>>;
  on: KioskEvents['on'];
  diagnostics(): Diagnostics;
  clearSlotLock(addr: number, slot: number): boolean;
  /** Appends to the durable audit log, stamped with the core's clock (the maintenance screen's actions). */
  audit(kind: string, detail: Readonly<Record<string, unknown>>): void;
  /** Sends what the outbox owes; `retryNow` ignores the backoff of earlier failures. */
  flushOutbox(retryNow?: boolean): Promise<void>;
  refreshCache(): Promise<void>;
  /**
   * An operator settled what a code was owed (handed the items over, or refunded): nothing more is dispensed for
   * it. Answers how many units were settled; audited.
   */
  settleOwed(redemptionId: string): Result<number, 'not-found' | 'nothing-owed'>;
  /** An operator's count after filling a slot; reported to the cloud through the stock ledger. */
  recordRestock(productId: number, count: number): Result<Restocked, RestockError>;
  /** The maintenance screen's volume and mute: kept, published with the state, answered as now in force. */
  setSound(change: SoundChange): SoundSettings;
  /** Test dispense, attention resolving, the out-of-service switch (electron/core/operator/). */
  readonly operator: OperatorCore;
};
