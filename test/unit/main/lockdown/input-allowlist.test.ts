import { describe, expect, it } from 'vitest';
import { isAllowedInput, type KeyInput } from '../../../../electron/main/lockdown/input-allowlist';

const key = (
  k: string,
  mods: Partial<Pick<KeyInput, 'control' | 'alt' | 'meta' | 'shift'>> = {},
): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  alt: false,
  meta: false,
  shift: false,
  ...mods,
});

describe('kiosk key allowlist', () => {
  it.each([
    '0',
    '9',
    'a',
    'Z',
    '-',
    '/',
    ':',
    '?',
    '=',
    '%',
    '码',
    'Enter',
    'Backspace',
    'Escape',
    'Shift',
    'CapsLock',
    'NumLock',
  ])('lets %s through: typing, a scanner and the PIN need it', (k) => {
    expect(isAllowedInput(key(k))).toBe(true);
  });

  it('lets a scanner type capitals with Shift held', () => {
    expect(isAllowedInput(key('Q', { shift: true }))).toBe(true);
  });

  it.each([
    ['Ctrl+W (close window)', key('w', { control: true })],
    ['Ctrl+Q (quit)', key('q', { control: true })],
    ['Ctrl+M (minimise)', key('m', { control: true })],
    ['Ctrl+R (reload)', key('r', { control: true })],
    ['Ctrl+Shift+R (hard reload)', key('R', { control: true, shift: true })],
    ['Ctrl+Shift+I (devtools)', key('I', { control: true, shift: true })],
    ['Ctrl+P (print)', key('p', { control: true })],
    ['Ctrl+= (zoom in)', key('=', { control: true })],
    ['Ctrl+- (zoom out)', key('-', { control: true })],
    ['Ctrl+0 (reset zoom)', key('0', { control: true })],
    ['Alt+F4 (close)', key('F4', { alt: true })],
    ['Alt+Tab', key('Tab', { alt: true })],
    ['Super', key('Meta', { meta: true })],
    ['Meta+D', key('d', { meta: true })],
    ['F11 (leave full screen)', key('F11')],
    ['F5 (reload)', key('F5')],
    ['F12 (devtools)', key('F12')],
    ['Tab', key('Tab')],
    ['ArrowLeft', key('ArrowLeft')],
    ['ContextMenu', key('ContextMenu')],
    ['PrintScreen', key('PrintScreen')],
    ['BrowserBack', key('BrowserBack')],
    ['Ctrl+J (a scanner line feed as a control code)', key('j', { control: true })],
    ['a control character as the key', key('\u0004')],
    ['AltGr+Q (Ctrl+Alt on Windows)', key('@', { control: true, alt: true })],
  ])('swallows %s', (_name, input) => {
    expect(isAllowedInput(input)).toBe(false);
    expect(isAllowedInput({ ...input, type: 'keyUp' })).toBe(false);
  });

  it('leaves mouse and touch input to their own paths', () => {
    expect(isAllowedInput({ ...key('F4', { alt: true }), type: 'mouseDown' })).toBe(true);
  });
});
