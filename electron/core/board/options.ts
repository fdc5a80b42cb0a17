import type { SlotType } from '../ports/board';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { SerialLink } from '../ports/serial-link';
import type { FrameRecorder } from './recorder';

/** The vendor's busy windows: how long a dispense may take before the driver stops waiting. */
export type BusyWindows = {
  readonly lock: number;
  readonly motor: number;
  readonly conveyor: number;
  readonly default: number;
};

export const vendorBusyWindows: BusyWindows = {
  lock: 15_000,
  motor: 30_000,
  conveyor: 90_000,
  default: 45_000,
};

export type BoardDriverOptions = {
  readonly link: SerialLink;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Time to wait for one reply. At 9600 baud a frame takes ~10 ms; the board answers within ~50 ms. */
  readonly requestTimeoutMs?: number;
  /** One number for every slot type, or per window (tests shorten them). */
  readonly busyWindowMs?: number | Partial<BusyWindows>;
  readonly pollIntervalMs?: number;
  readonly recorder?: FrameRecorder;
  /** Attempts for a read (reads are idempotent). A dispense is always sent once. */
  readonly readAttempts?: number;
  /** Line silence that ends a frame; generous by default because USB-serial adapters deliver in bursts. */
  readonly silenceMs?: number;
};

export type ResolvedOptions = {
  readonly requestTimeoutMs: number;
  readonly busyWindows: BusyWindows;
  readonly pollIntervalMs: number;
  readonly readAttempts: number;
  readonly silenceMs: number;
};

export const resolveOptions = (o: BoardDriverOptions): ResolvedOptions => {
  const bw = o.busyWindowMs;
  const busyWindows: BusyWindows =
    typeof bw === 'number'
      ? { lock: bw, motor: bw, conveyor: bw, default: bw }
      : { ...vendorBusyWindows, ...(bw ?? {}) };
  return {
    requestTimeoutMs: o.requestTimeoutMs ?? 500,
    busyWindows,
    pollIntervalMs: o.pollIntervalMs ?? 250,
    readAttempts: Math.max(1, o.readAttempts ?? 3),
    silenceMs: o.silenceMs ?? 20,
  };
};

/** A timed motor stops on its own timer, not on a position switch, so it gets the generic window. */
export const busyWindowFor = (windows: BusyWindows, type: SlotType): number => {
  switch (type) {
    case 1:
      return windows.motor;
    case 2:
      return windows.lock;
    case 3:
      return windows.conveyor;
    case 4:
      return windows.default;
  }
};
