import { useEffect, useRef } from 'react';
import { createScanDetector } from '../flow/scan-detector';

export type KeyHandlers = {
  readonly onCharacter: (key: string) => void;
  readonly onDelete: () => void;
  readonly onClear: () => void;
  readonly onSubmit: () => void;
  /** A scanner's burst (its text without the Enter), told apart from typing by its speed. */
  readonly onScan: (text: string) => void;
};

/**
 * A USB keyboard or a barcode scanner works like the on-screen keypad. Listening on the window means nothing
 * needs focus, so no on-screen keyboard or caret ever appears. A scanner types fast and ends with Enter (or CR/LF):
 * that Enter hands the whole burst to `onScan` instead of submitting what the boxes hold, so a link or a prefix in a
 * QR code is read, not typed. Characters are passed on as they come: a person's typing shows at once.
 */
export const useHardwareKeys = (enabled: boolean, handlers: KeyHandlers): void => {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  }, [handlers]);

  useEffect(() => {
    if (!enabled) return undefined;
    const detector = createScanDetector();
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const h = latest.current;
      if (event.key === 'Enter') {
        const scanned = detector.enter(event.timeStamp);
        if (scanned === null) h.onSubmit();
        else h.onScan(scanned);
      } else if (event.key === 'Backspace') {
        detector.reset();
        h.onDelete();
      } else if (event.key === 'Escape') {
        detector.reset();
        h.onClear();
      } else if (event.key.length === 1) {
        detector.character(event.key, event.timeStamp);
        h.onCharacter(event.key);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled]);
};
