import { useCallback, useEffect, useRef, useState } from 'react';
import type { IdlePlan, StayLeft } from '../flow/screen-timing';

export type IdleCountdown = {
  /** Only on screens that say how long they stay. */
  readonly stay: StayLeft | null;
  /** Whole seconds until the reset while "Still there?" is asked; null when it is not. */
  readonly prompt: number | null;
  /** The prompt's button: the whole wait starts over and the prompt goes. */
  readonly stillHere: () => void;
};

type Armed = {
  /** Which plan this wait was armed for: a state left from another screen's wait is never shown. */
  readonly token: string;
  readonly deadline: number;
  /** Wall clock when the wait was last armed or ticked; it ticks only while a countdown is visible. */
  readonly now: number;
  readonly prompting: boolean;
};

const tokenOf = (plan: IdlePlan): string =>
  `${plan.screen}:${plan.stayMs}:${plan.promptMs}:${plan.showsStay}`;

const noop = (): void => undefined;

/**
 * Calls `onIdle` once after the plan's stay with no touch or key press, asking "Still there?" over its last
 * `promptMs`. Any touch or key starts the wait over. A touch hides the prompt only with its click, not when the
 * finger lands: hidden earlier, the lifting finger would click whatever lies under it (an outcome's Done button,
 * a keypad digit).
 */
export const useIdleCountdown = (plan: IdlePlan | null, onIdle: () => void): IdleCountdown => {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  }, [onIdle]);
  const startOver = useRef<() => void>(noop);
  const [armed, setArmed] = useState<Armed | null>(null);

  const token = plan === null ? null : tokenOf(plan);
  const stayMs = plan?.stayMs ?? 0;
  const promptMs = plan?.promptMs ?? 0;
  const showsStay = plan?.showsStay ?? false;

  useEffect(() => {
    if (token === null) return undefined;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let promptTimer: ReturnType<typeof setTimeout> | undefined;
    let ticker: ReturnType<typeof setTimeout> | undefined;
    let deadline = 0;
    let prompting = false;
    // Publishes the wait to React; then one render a second, each exactly when the number on screen changes.
    const tick = (): void => {
      clearTimeout(ticker);
      const now = Date.now();
      setArmed({ token, deadline, now, prompting });
      const left = deadline - now;
      if (left > 0 && (showsStay || prompting)) ticker = setTimeout(tick, left % 1000 || 1000);
    };
    const arm = (): void => {
      clearTimeout(idleTimer);
      clearTimeout(promptTimer);
      deadline = Date.now() + stayMs;
      if (promptMs > 0) {
        promptTimer = setTimeout(() => {
          prompting = true;
          tick();
        }, stayMs - promptMs);
      }
      idleTimer = setTimeout(() => {
        latest.current();
      }, stayMs);
      // A touch leaves a prompt that is up in place: its click hides it (see the hook's comment).
      tick();
    };
    const hide = (): void => {
      if (!prompting) return;
      prompting = false;
      tick();
    };
    const onKey = (): void => {
      prompting = false;
      arm();
    };
    startOver.current = onKey;
    arm();
    window.addEventListener('pointerdown', arm, { capture: true });
    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('click', hide, { capture: true });
    window.addEventListener('pointercancel', hide, { capture: true });
    return () => {
      clearTimeout(idleTimer);
      clearTimeout(promptTimer);
      clearTimeout(ticker);
      startOver.current = noop;
      window.removeEventListener('pointerdown', arm, { capture: true });
      window.removeEventListener('keydown', onKey, { capture: true });
      window.removeEventListener('click', hide, { capture: true });
      window.removeEventListener('pointercancel', hide, { capture: true });
      setArmed(null);
    };
  }, [token, stayMs, promptMs, showsStay]);

  const stillHere = useCallback(() => {
    startOver.current();
  }, []);

  if (armed === null || armed.token !== token) return { stay: null, prompt: null, stillHere };
  const secondsLeft = Math.max(0, Math.ceil((armed.deadline - armed.now) / 1000));
  return {
    stay: showsStay ? { secondsLeft, totalSeconds: Math.round(stayMs / 1000) } : null,
    prompt: armed.prompting ? secondsLeft : null,
    stillHere,
  };
};
