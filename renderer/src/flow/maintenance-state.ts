import type {
  IpcError,
  LogEventView,
  MaintenanceStatus,
  RecentLog,
  Result,
  SlotAddress,
} from '../../../electron/contract';
import type { DialogAction, OperatorDialog } from './operator-dialog';

/** The maintenance PIN has 4–12 digits (`kioskctl pin hash`). */
export const MIN_PIN_LENGTH = 4;
export const MAX_PIN_LENGTH = 12;

/** What a request to main was for; an answer is applied only to the request the screen is waiting on. */
export type MaintenanceTask =
  | 'open'
  | 'clear'
  | 'retry'
  | 'refresh'
  | 'settle'
  | 'test'
  | 'restock'
  | 'resolve'
  | 'service'
  | 'sound'
  | 'log';

/** Tasks whose success gets a one-line confirmation under the lists. */
export type DoneTask = Extract<
  MaintenanceTask,
  'clear' | 'retry' | 'settle' | 'test' | 'restock' | 'resolve' | 'service' | 'sound'
>;

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
      readonly done: DoneTask | null;
      readonly error: IpcError | null;
      /** What the error answered, so the line can say it in the operator's terms. */
      readonly failed: MaintenanceTask | null;
      /** The operator-tool question on screen (test, restock, resolve, service), if any. */
      readonly tool: OperatorDialog | null;
      /** The recent log once loaded, oldest first; null while it is not shown. */
      readonly log: readonly LogEventView[] | null;
    };

export type MaintenanceStatusStep = Extract<MaintenanceState, { step: 'status' }>;

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
  | { readonly type: 'tool'; readonly action: DialogAction }
  | { readonly type: 'log-answer'; readonly result: Result<RecentLog, IpcError> }
  | { readonly type: 'hide-log' }
  | { readonly type: 'close' };

export const closedMaintenance: MaintenanceState = { step: 'closed' };

export const canSubmitPin = (state: MaintenanceState): boolean =>
  state.step === 'pin' && !state.pending && state.pin.length >= MIN_PIN_LENGTH;
