import { useCallback, useEffect, useRef } from 'react';

export type LongPressHandlers = {
  readonly onPointerDown: () => void;
  readonly onPointerUp: () => void;
  readonly onPointerLeave: () => void;
  readonly onPointerCancel: () => void;
};

/**
 * Calls `onHold` once a press has been held for `ms` without lifting or sliding off. A tap, a swipe or a
 * brief lean on the screen never gets there.
 */
export const useLongPress = (ms: number, onHold: () => void): LongPressHandlers => {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(onHold);
  useEffect(() => {
    latest.current = onHold;
  }, [onHold]);

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
  }, []);
  useEffect(() => cancel, [cancel]);

  const start = useCallback(() => {
    cancel();
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, ms);
  }, [cancel, ms]);

  return { onPointerDown: start, onPointerUp: cancel, onPointerLeave: cancel, onPointerCancel: cancel };
};
