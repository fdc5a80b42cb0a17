/** Time is injected: the core never calls Date.now() or setTimeout itself, so tests advance a manual clock. */
export type Cancel = () => void;

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Run `fn` once after `ms`; returns a cancel function. */
  setTimer(ms: number, fn: () => void): Cancel;
}

/** Resolves after `ms` on the given clock. */
export const sleep = (clock: Clock, ms: number): Promise<void> =>
  new Promise((resolve) => {
    clock.setTimer(ms, resolve);
  });
