import { useEffect, useRef } from 'react';

export type KeyHandlers = {
  readonly onCharacter: (key: string) => void;
  readonly onDelete: () => void;
  readonly onClear: () => void;
  readonly onSubmit: () => void;
};

/**
 * A USB keyboard or a barcode scanner (which types the code then Enter) works like the on-screen keypad.
 * Listening on the window means nothing needs focus, so no on-screen keyboard or caret ever appears.
 */
export const useHardwareKeys = (enabled: boolean, handlers: KeyHandlers): void => {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  }, [handlers]);

  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const h = latest.current;
      if (event.key === 'Enter') h.onSubmit();
      else if (event.key === 'Backspace') h.onDelete();
      else if (event.key === 'Escape') h.onClear();
      else if (event.key.length === 1) h.onCharacter(event.key);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled]);
};
