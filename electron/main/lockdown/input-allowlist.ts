/**
 * The keys an unattended kiosk accepts, as Electron reports them to `before-input-event`. What a customer, a
 * keyboard-wedge scanner and the maintenance PIN need is typing: characters (a scanner types letters too), Enter
 * (a scanner's suffix, submit), Backspace and Escape (edit, clear), and Shift/CapsLock/NumLock on their own (a
 * scanner may toggle them; they do nothing). Everything else is swallowed before the page or Chromium sees it:
 * Ctrl/Alt/Meta with anything (close, quit, reload, print, zoom, devtools, save), function keys (F11 leaves full
 * screen, F5 reloads), Tab, arrows and the rest of the navigation keys, the context-menu and system keys.
 */
export type KeyInput = {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly alt: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
};

const EDIT_KEYS = new Set(['Enter', 'Backspace', 'Escape']);
const INERT_KEYS = new Set(['Shift', 'CapsLock', 'NumLock']);

/** One printable character: not a control character, not a named key like "F4" or "ArrowUp". */
const isCharacter = (key: string): boolean => /^[^\p{Cc}]$/u.test(key);

export const isAllowedInput = (input: KeyInput): boolean => {
  // Mouse, touch and wheel come through other paths; this filter is about keys.
  if (
    input.type !== 'keyDown' &&
    input.type !== 'keyUp' &&
    input.type !== 'char' &&
    input.type !== 'rawKeyDown'
  )
    return true;
  if (input.control || input.alt || input.meta) return false;
  return isCharacter(input.key) || EDIT_KEYS.has(input.key) || INERT_KEYS.has(input.key);
};
