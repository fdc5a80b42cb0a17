import type { IpcError, MaintenanceStatus } from '../../../electron/contract';
import {
  MAX_PIN_LENGTH,
  type MaintenanceAction,
  type MaintenanceState,
  type MaintenanceStatusStep,
  type MaintenanceTask,
} from './maintenance-state';
import { dialogReducer } from './operator-dialog';

const emptyPin = (error: IpcError | null): MaintenanceState => ({
  step: 'pin',
  pin: '',
  pending: false,
  error,
});

const editPin = (state: MaintenanceState, next: string): MaintenanceState =>
  state.step === 'pin' && !state.pending && next.length <= MAX_PIN_LENGTH
    ? { ...state, pin: next, error: null }
    : state;

const showStatus = (
  status: MaintenanceStatus,
  task: MaintenanceTask,
  log: MaintenanceStatusStep['log'] = null,
): MaintenanceState => ({
  step: 'status',
  status,
  pending: null,
  confirm: null,
  confirmSettle: null,
  done: task === 'open' || task === 'refresh' || task === 'log' ? null : task,
  error: null,
  failed: null,
  tool: null,
  // A shown log stays shown while the operator acts; it is reloaded on request only.
  log,
});

const start = (state: MaintenanceState, task: MaintenanceTask): MaintenanceState => {
  // The PIN leaves the screen's state the moment it is sent.
  if (state.step === 'pin')
    return task === 'open' && !state.pending ? { ...state, pin: '', pending: true } : state;
  if (state.step === 'status' && state.pending === null && task !== 'open') {
    return {
      ...state,
      pending: task,
      confirm: null,
      confirmSettle: null,
      tool: null,
      done: null,
      error: null,
      failed: null,
    };
  }
  return state;
};

const answer = (
  state: MaintenanceState,
  action: Extract<MaintenanceAction, { type: 'answer' }>,
): MaintenanceState => {
  const waiting =
    (state.step === 'pin' && state.pending && action.task === 'open') ||
    (state.step === 'status' && state.pending === action.task);
  // A late answer (the screen closed, or moved on) changes nothing.
  if (!waiting) return state;
  if (action.result.ok)
    return showStatus(action.result.value, action.task, state.step === 'status' ? state.log : null);
  const error = action.result.error;
  if (state.step === 'pin') return emptyPin(error);
  // Main refuses everything once the session has expired: ask for the PIN again rather than fail each tap.
  if (error.code === 'forbidden') return emptyPin(error);
  return { ...state, pending: null, error, failed: action.task };
};

/** The recent log's answer: it is not a status, so it only fills (or fails) the log panel. */
const logAnswer = (
  state: MaintenanceState,
  action: Extract<MaintenanceAction, { type: 'log-answer' }>,
): MaintenanceState => {
  if (state.step !== 'status' || state.pending !== 'log') return state;
  if (action.result.ok) return { ...state, pending: null, log: action.result.value.events };
  if (action.result.error.code === 'forbidden') return emptyPin(action.result.error);
  return { ...state, pending: null, error: action.result.error, failed: 'log' };
};

/** The maintenance screens as a pure function, beside the customer flow and separate from it. */
export const maintenanceReducer = (state: MaintenanceState, action: MaintenanceAction): MaintenanceState => {
  switch (action.type) {
    case 'begin':
      return state.step === 'closed' ? emptyPin(null) : state;
    case 'pin-key':
      return /^\d$/.test(action.key) && state.step === 'pin' ? editPin(state, state.pin + action.key) : state;
    case 'pin-delete':
      return state.step === 'pin' ? editPin(state, state.pin.slice(0, -1)) : state;
    case 'pin-clear':
      return editPin(state, '');
    case 'start':
      return start(state, action.task);
    case 'answer':
      return answer(state, action);
    case 'ask-clear':
      return state.step === 'status' && state.pending === null
        ? { ...state, confirm: action.lock, confirmSettle: null, tool: null, done: null }
        : state;
    case 'cancel-clear':
      return state.step === 'status' ? { ...state, confirm: null } : state;
    case 'ask-settle':
      return state.step === 'status' && state.pending === null
        ? { ...state, confirmSettle: action.redemptionId, confirm: null, tool: null, done: null }
        : state;
    case 'cancel-settle':
      return state.step === 'status' ? { ...state, confirmSettle: null } : state;
    case 'tool':
      // One question at a time: an operator tool's replaces an unlock's or a settle's, and old feedback goes.
      return state.step === 'status' && state.pending === null
        ? {
            ...state,
            tool: dialogReducer(state.tool, action.action),
            confirm: null,
            confirmSettle: null,
            done: null,
            error: null,
            failed: null,
          }
        : state;
    case 'log-answer':
      return logAnswer(state, action);
    case 'hide-log':
      return state.step === 'status' ? { ...state, log: null } : state;
    case 'close':
      return { step: 'closed' };
  }
};
