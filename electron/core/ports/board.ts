import type { Result } from '../../contract/result';
import type { HardwareConfig } from '../protocol/modbus/replies';
import type { LinkStatus } from './serial-link';

/** 1 spring motor, 2 electromagnetic lock, 3 conveyor belt, 4 timed motor. Auto-detect (0) is not offered. */
export type SlotType = 1 | 2 | 3 | 4;

export type DispenseRequest = {
  readonly addr: number;
  readonly slot: number;
  readonly type: SlotType;
  /** The board has a drop sensor and should use it. */
  readonly dropCheck: boolean;
  /** The machine has an elevator. */
  readonly lift: boolean;
};

/**
 * `success`: the board reported done (and the drop sensor saw the item where one is fitted).
 * `failed`: clearly nothing was dropped; `reason` is operator-readable.
 * `unknown`: it cannot be told whether an item dropped; the slot must be locked.
 */
export type DispenseOutcome =
  | { readonly outcome: 'success' }
  | { readonly outcome: 'failed'; readonly reason: string; readonly faultCode: number | null }
  | { readonly outcome: 'unknown'; readonly reason: string };

export type RunStatus = 'idle' | 'busy' | 'done' | 'fault';
export type ShipmentStatus = { readonly runStatus: RunStatus; readonly faultCode: number };

export type BoardError = {
  readonly code: 'timeout' | 'link-down' | 'exception' | 'bad-reply';
  readonly message: string;
};

/**
 * What a passed preflight saw: the board's status at a point in its command history. Handed back to `dispense`,
 * it stands in for the status read a dispense starts with, when no command has gone to that board (and the link
 * has not changed) since: one round trip fewer between the consume's answer and the motor.
 */
export type PreflightPass = {
  readonly addr: number;
  readonly status: ShipmentStatus;
  readonly epoch: number;
  readonly at: number;
};

export type DispenseHooks = {
  /** The preflight that cleared this dispense; ignored if the board may have changed since (see PreflightPass). */
  readonly preflight?: PreflightPass;
  /** The preflight's status was used instead of a read (what a replay of this dispense must do too). */
  readonly onPreflightReused?: () => void;
  /**
   * The board answered the dispense write (its echo, or "acknowledge, still processing"): this command is
   * running. The kiosk owns the line, so from here the board's next terminal status is this command's.
   */
  readonly onAccepted?: () => void;
};

/** What the journal knows about an interrupted unit, besides the board's status. */
export type InterruptedContext = {
  /** The board had answered the unit's dispense write before the crash (DispenseHooks.onAccepted). */
  readonly accepted: boolean;
  /** The machine itself restarted since the unit's intent (a power cut): the board most likely did too. */
  readonly machineRestarted: boolean;
};

export interface BoardDriver {
  /** Never throws and never resends a dispense blindly. `onAccepted` runs once the board answered the write. */
  dispense(req: DispenseRequest, hooks?: DispenseHooks): Promise<DispenseOutcome>;
  shipmentStatus(addr: number): Promise<Result<ShipmentStatus, BoardError>>;
  /** The board's own idea of what it has (rows, columns, drop sensor and lift flags), for the start-up check. */
  hardwareConfig(addr: number): Promise<Result<HardwareConfig, BoardError>>;
  /**
   * Whether a dispense could start now (link up, board answering and not busy, drop sensor clear where fitted),
   * asked before a code is consumed; the error is an operator-readable reason. Sends no dispense.
   */
  preflight(req: DispenseRequest): Promise<Result<PreflightPass, string>>;
  /**
   * After a crash mid-dispense: decide from the board's own status whether the interrupted dispense
   * happened. Only a clear answer is success/failed; anything else is unknown. Sends no dispense.
   */
  assessInterrupted(req: DispenseRequest, context: InterruptedContext): Promise<DispenseOutcome>;
  linkStatus(): LinkStatus;
  onLinkStatus(listener: (status: LinkStatus) => void): () => void;
  close(): Promise<void>;
}
