import { describe, expect, it } from 'vitest';
import { passwordStoreSwitch } from '../../../electron/main/password-store';

describe('Linux password store', () => {
  it('asks for the Secret Service on Linux, where a desktop-less kiosk session would get basic_text', () => {
    expect(passwordStoreSwitch('linux', ['/usr/bin/pickup-kiosk'])).toBe('gnome-libsecret');
  });

  it('leaves a store chosen on the command line alone, and other platforms too', () => {
    expect(passwordStoreSwitch('linux', ['x', '--password-store=kwallet6'])).toBeNull();
    expect(passwordStoreSwitch('win32', ['x'])).toBeNull();
    expect(passwordStoreSwitch('darwin', ['x'])).toBeNull();
  });
});
