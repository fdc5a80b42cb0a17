import { useEffect, useRef } from 'react';

const activityEvents = ['pointerdown', 'keydown'] as const;

/**
 * Calls `onIdle` once after `seconds` with no touch or key press while `enabled`. Any activity restarts
 * the wait, so a customer who is still typing is never interrupted.
 */
export const useIdleTimer = (seconds: number | null, enabled: boolean, onIdle: () => void): void => {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled || seconds === null) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        latest.current();
      }, seconds * 1000);
    };
    restart();
    for (const name of activityEvents) window.addEventListener(name, restart, { capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, restart, { capture: true });
    };
  }, [seconds, enabled]);
};
