/**
 * Tells a scanner from a person on the same keyboard input. A scanner types its whole content in a burst, a few
 * milliseconds a character, then Enter; nobody types six characters 40 ms apart. Enter after such a burst is a scan;
 * Enter after ordinary typing is the customer's submit.
 */
export const SCAN_GAP_MS = 40;
export const SCAN_MIN_CHARS = 6;
/**
 * A burst is a scan only when it starts after this long without a key (or as the first key): a burst that follows
 * typing closely is the tail of that typing (a test harness's, or a fast typist's), and reading it as a scan would
 * submit the code without its first characters.
 */
export const SCAN_QUIET_BEFORE_MS = 300;

export type ScanDetector = {
  /** A printable character; `at` in milliseconds (the event's time). */
  character(key: string, at: number): void;
  /** Enter (CR or LF): the scanned text, or null when what came before was typed by hand. */
  enter(at: number): string | null;
  reset(): void;
};

export const createScanDetector = (): ScanDetector => {
  let burst = '';
  let lastAt = Number.NEGATIVE_INFINITY;
  // Whether the current burst began after a quiet spell; one that did not is typing, however fast it goes on.
  let quietBefore = true;
  const clear = (): void => {
    burst = '';
    lastAt = Number.NEGATIVE_INFINITY;
    quietBefore = true;
  };
  return {
    character(key, at) {
      const gap = at - lastAt;
      if (gap <= SCAN_GAP_MS) burst += key;
      else {
        burst = key;
        quietBefore = gap >= SCAN_QUIET_BEFORE_MS;
      }
      lastAt = at;
    },
    enter(at) {
      const scanned =
        quietBefore && burst.length >= SCAN_MIN_CHARS && at - lastAt <= SCAN_GAP_MS ? burst : null;
      clear();
      return scanned;
    },
    reset: clear,
  };
};
