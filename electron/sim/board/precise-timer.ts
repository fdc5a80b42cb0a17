/**
 * Runs `fn` once `delayMs` (fractional) has passed on `performance.now()`. Node's timers count whole
 * milliseconds on a loop clock that is itself whole milliseconds, so a plain `setTimeout(8.3)` fires anywhere
 * up to 2 ms late; on an emulated serial line that slack would be charged to whoever reads the line. A timer
 * carries it to within a millisecond, then the event loop is polled turn by turn (I/O still runs between the
 * turns) for the rest.
 */
export const preciseTimer = (delayMs: number, fn: () => void): void => {
  const due = performance.now() + delayMs;
  const poll = (): void => {
    if (performance.now() >= due) fn();
    else setImmediate(poll);
  };
  const coarse = Math.floor(delayMs) - 1;
  if (coarse >= 1) setTimeout(poll, coarse);
  else setImmediate(poll);
};
