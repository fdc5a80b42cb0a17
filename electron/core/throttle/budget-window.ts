/**
 * A sliding-window budget: at most `limit` events in any `spanMs`. Sliding rather than per clock hour, so a
 * guesser cannot spend one hour's budget at 09:59 and the next at 10:00.
 */

/**
 * When a budget spent at `now` has room for one more event again: the moment enough of the oldest events in
 * the window have aged out. Null while there is still room.
 */
export const roomAt = (
  times: readonly number[],
  now: number,
  spanMs: number,
  limit: number,
): number | null => {
  const inWindow = times.filter((t) => t > now - spanMs && t <= now).sort((a, b) => a - b);
  if (inWindow.length < limit) return null;
  // Room returns once the count is limit - 1: after the event at this index leaves the window.
  const leaving = inWindow[inWindow.length - limit];
  return leaving === undefined ? null : leaving + spanMs;
};
