import { useEffect, type Dispatch } from 'react';
import type { KioskApi } from '../../../electron/contract';
import type { FlowAction } from '../flow/flow-state';

/** How long to wait before asking for the state again when the first pull fails (main still starting). */
export const STATE_RETRY_MS = 2000;

/**
 * On mount: pull the current state, then follow 'state' and 'progress' events. Subscribing right away
 * means no event is missed while the pull is in flight; a pulled snapshot older than an event is dropped.
 */
export const useKioskFeed = (api: KioskApi, dispatch: Dispatch<FlowAction>): void => {
  useEffect(() => {
    let active = true;
    let sawEvent = false;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const pull = (): void => {
      api.getState({}).then(
        (answer) => {
          if (!active || sawEvent) return;
          if (answer.ok) dispatch({ type: 'kiosk-state', state: answer.value });
          else retry = setTimeout(pull, STATE_RETRY_MS);
        },
        () => {
          if (active) retry = setTimeout(pull, STATE_RETRY_MS);
        },
      );
    };

    const offState = api.on('state', (state) => {
      sawEvent = true;
      dispatch({ type: 'kiosk-state', state });
    });
    const offProgress = api.on('progress', (progress) => {
      dispatch({ type: 'progress', progress });
    });
    pull();

    return () => {
      active = false;
      clearTimeout(retry);
      offState();
      offProgress();
    };
  }, [api, dispatch]);
};
