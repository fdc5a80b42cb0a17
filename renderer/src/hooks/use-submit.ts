import { useCallback, useRef, type Dispatch } from 'react';
import type { KioskApi } from '../../../electron/contract';
import { err } from '../../../electron/contract/result';
import { canSubmit, isBusy, type FlowAction, type FlowState } from '../flow/flow-state';

/**
 * Sends the typed code once, or a scanned one (`scanned`, from the entry or an outcome screen, straight to
 * checking). A scanner's Enter and a tap can land in the same frame, before React has re-rendered the checking
 * screen; the in-flight flag makes the second one a no-op instead of a `busy` answer that could overwrite the real
 * outcome.
 */
export const useSubmit = (
  api: KioskApi,
  state: FlowState,
  dispatch: Dispatch<FlowAction>,
): ((scanned?: unknown) => void) => {
  const inFlight = useRef(false);
  return useCallback(
    (scanned?: unknown) => {
      // Wired to buttons too, whose click event must not pass for a scan.
      const fromScan = typeof scanned === 'string' ? scanned : null;
      if (inFlight.current) return;
      if (fromScan === null ? !canSubmit(state) : isBusy(state)) return;
      inFlight.current = true;
      const code = fromScan ?? state.code;
      dispatch(fromScan === null ? { type: 'submit' } : { type: 'scanned', code });
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
    },
    [api, state, dispatch],
  );
};
