import { useCallback, useRef, type Dispatch } from 'react';
import type { KioskApi } from '../../../electron/contract';
import { err } from '../../../electron/contract/result';
import { canSubmit, type FlowAction, type FlowState } from '../flow/flow-state';

/**
 * Sends the typed code once. A scanner's Enter and a tap can land in the same frame, before React has
 * re-rendered the checking screen; the in-flight flag makes the second one a no-op instead of a `busy`
 * answer that could overwrite the real outcome.
 */
export const useSubmit = (api: KioskApi, state: FlowState, dispatch: Dispatch<FlowAction>): (() => void) => {
  const inFlight = useRef(false);
  return useCallback(() => {
    if (inFlight.current || !canSubmit(state)) return;
    inFlight.current = true;
    const code = state.code;
    dispatch({ type: 'submit' });
    const finish = (action: FlowAction): void => {
      inFlight.current = false;
      dispatch(action);
    };
    api.submitCode({ code }).then(
      (result) => {
        finish({ type: 'answer', result, at: Date.now() });
      },
      // A rejected promise means the bridge itself broke; the customer still gets a plain answer.
      () => {
        finish({ type: 'answer', result: err({ code: 'internal' }), at: Date.now() });
      },
    );
  }, [api, state, dispatch]);
};
