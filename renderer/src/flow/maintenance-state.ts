import type { IpcError, MaintenanceStatus, Result, SlotAddress } from '../../../electron/contract';

/** The maintenance PIN has 4–12 digits (`kioskctl pin hash`). */
export const MIN_PIN_LENGTH = 4;
export const MAX_PIN_LENGTH = 12;

/** What a request to main was for; an answer is applied only to the request the screen is waiting on. */
export type MaintenanceTask = 'open' | 'clear' | 'retry' | 'refresh' | 'settle';

export type MaintenanceState =
  | { readonly step: 'closed' }
  | {
      readonly step: 'pin';
      readonly pin: string;
      readonly pending: boolean;
      /** Why the last try did not open; `forbidden` here means an open session ended. */
      readonly error: IpcError | null;
    }
  | {
      readonly step: 'status';
      readonly status: MaintenanceStatus;
      readonly pending: MaintenanceTask | null;
      /** The lock the operator asked to clear, waiting for "yes". */
      readonly confirm: SlotAddress | null;
      /** The owed code (its redemption id) the operator asked to settle, waiting for "yes". */
      readonly confirmSettle: string | null;
      /** The last action that finished, for a one-line confirmation. */
      readonly done: 'clear' | 'retry' | 'settle' | null;
      readonly error: IpcError | null;
    };

export type MaintenanceAction =
  | { readonly type: 'begin' }
  | { readonly type: 'pin-key'; readonly key: string }
  | { readonly type: 'pin-delete' }
  | { readonly type: 'pin-clear' }
  | { readonly type: 'start'; readonly task: MaintenanceTask }
  | {
      readonly type: 'answer';
      readonly task: MaintenanceTask;
      readonly result: Result<MaintenanceStatus, IpcError>;
    }
  | { readonly type: 'ask-clear'; readonly lock: SlotAddress }
  | { readonly type: 'cancel-clear' }
  | { readonly type: 'ask-settle'; readonly redemptionId: string }
  | { readonly type: 'cancel-settle' }
  | { readonly type: 'close' };

export const closedMaintenance: MaintenanceState = { step: 'closed' };

export const canSubmitPin = (state: MaintenanceState): boolean =>
  state.step === 'pin' && !state.pending && state.pin.length >= MIN_PIN_LENGTH;
