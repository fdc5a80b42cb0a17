import { useCallback, useReducer, useRef, type Dispatch } from 'react';
import type { IpcError, KioskApi, MaintenanceStatus, RecentLog, Result } from '../../../electron/contract';
import { err } from '../../../electron/contract/result';
import { maintenanceReducer } from '../flow/maintenance-reducer';
import {
  canSubmitPin,
  closedMaintenance,
  type MaintenanceAction,
  type MaintenanceState,
  type MaintenanceTask,
} from '../flow/maintenance-state';
import { useOperatorCalls, type OperatorCalls } from './use-operator-calls';

/** The screen closes itself after this long without a touch, as main ends the session after as long without a call. */
export const MAINTENANCE_IDLE_SECONDS = 120;

export type Maintenance = OperatorCalls & {
  readonly state: MaintenanceState;
  readonly dispatch: Dispatch<MaintenanceAction>;
  readonly begin: () => void;
  readonly submitPin: () => void;
  readonly confirmClear: () => void;
  readonly confirmSettle: () => void;
  readonly retryOutbox: () => void;
  readonly refresh: () => void;
  readonly close: () => void;
};

/** The maintenance screens' state and their calls to main; one request at a time. */
export const useMaintenance = (api: KioskApi): Maintenance => {
  const [state, dispatch] = useReducer(maintenanceReducer, closedMaintenance);
  // Two taps in one frame (before React re-renders the busy screen) must not send twice: a second PIN
  // try would count as a wrong one.
  const inFlight = useRef(false);
  const closed = useRef(true);

  const run = useCallback(
    (task: MaintenanceTask, call: () => Promise<Result<MaintenanceStatus, IpcError>>) => {
      if (inFlight.current) return;
      inFlight.current = true;
      dispatch({ type: 'start', task });
      const finish = (result: Result<MaintenanceStatus, IpcError>): void => {
        inFlight.current = false;
        // Closed while the PIN was on its way: end the session it opened instead of leaving it to expire.
        if (closed.current && result.ok) api.maintenanceClose({}).catch(() => undefined);
        dispatch({ type: 'answer', task, result });
      };
      call().then(finish, () => {
        finish(err({ code: 'internal' }));
      });
    },
    [api],
  );

  // The recent log answers a list, not a status; the same one-request-at-a-time rule holds.
  const runLog = useCallback((call: () => Promise<Result<RecentLog, IpcError>>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    dispatch({ type: 'start', task: 'log' });
    const finish = (result: Result<RecentLog, IpcError>): void => {
      inFlight.current = false;
      dispatch({ type: 'log-answer', result });
    };
    call().then(finish, () => {
      finish(err({ code: 'internal' }));
    });
  }, []);
  const tools = useOperatorCalls(api, state, run, runLog);

  const begin = useCallback(() => {
    closed.current = false;
    dispatch({ type: 'begin' });
  }, []);

  const submitPin = useCallback(() => {
    if (state.step !== 'pin' || !canSubmitPin(state)) return;
    const { pin } = state;
    run('open', () => api.maintenanceOpen({ pin }));
  }, [api, run, state]);

  const confirmClear = useCallback(() => {
    if (state.step !== 'status' || state.confirm === null) return;
    const lock = state.confirm;
    run('clear', () => api.maintenanceClearLock(lock));
  }, [api, run, state]);

  const confirmSettle = useCallback(() => {
    if (state.step !== 'status' || state.confirmSettle === null) return;
    const redemptionId = state.confirmSettle;
    run('settle', () => api.maintenanceSettleOwed({ redemptionId }));
  }, [api, run, state]);

  const retryOutbox = useCallback(() => {
    run('retry', () => api.maintenanceRetryOutbox({}));
  }, [api, run]);

  const refresh = useCallback(() => {
    run('refresh', () => api.maintenanceStatus({}));
  }, [api, run]);

  const sessionOpen = state.step === 'status';
  const close = useCallback(() => {
    closed.current = true;
    dispatch({ type: 'close' });
    // Only an open session has anything to end; main's answer changes nothing on screen.
    if (sessionOpen) api.maintenanceClose({}).catch(() => undefined);
  }, [api, sessionOpen]);

  return {
    state,
    dispatch,
    begin,
    submitPin,
    confirmClear,
    confirmSettle,
    retryOutbox,
    refresh,
    close,
    ...tools,
  };
};
