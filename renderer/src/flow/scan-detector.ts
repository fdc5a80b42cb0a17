/**
 * Tells a scanner from a person on the same keyboard input. A scanner types its whole content in a burst, a few
 * milliseconds a character, then Enter; nobody types six characters 40 ms apart. Enter after such a burst is a scan;
 * Enter after ordinary typing is the customer's submit.
 */
export const SCAN_GAP_MS = 40;
export const SCAN_MIN_CHARS = 6;

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
  return {
    character(key, at) {
      burst = at - lastAt <= SCAN_GAP_MS ? burst + key : key;
      lastAt = at;
    },
    enter(at) {
      const scanned = burst.length >= SCAN_MIN_CHARS && at - lastAt <= SCAN_GAP_MS ? burst : null;
      burst = '';
      lastAt = Number.NEGATIVE_INFINITY;
      return scanned;
    },
    reset() {
      burst = '';
      lastAt = Number.NEGATIVE_INFINITY;
    },
  };
};
