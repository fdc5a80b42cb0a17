import type { App } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ensureAutostart, type LoginItemApp, type LoginItemQuery } from '../../../electron/main/autostart';

/** Remembers login items like Windows' Run key: keyed by executable path. */
class FakeLoginItems implements LoginItemApp {
  readonly registered = new Map<string, boolean>();
  readonly writes: unknown[] = [];
  constructor(readonly isPackaged = true) {}
  getLoginItemSettings(options?: LoginItemQuery): { openAtLogin: boolean } {
    return { openAtLogin: this.registered.get(options?.path ?? '') ?? false };
  }
  setLoginItemSettings(settings: { openAtLogin?: boolean; path?: string; args?: string[] }): void {
    this.writes.push(settings);
    this.registered.set(settings.path ?? '', settings.openAtLogin ?? false);
  }
}

const execPath = 'C:\\Program Files\\Pickup Kiosk\\Pickup Kiosk.exe';

describe('ensureAutostart', () => {
  it("accepts Electron's app as it is", () => {
    expectTypeOf<App>().toExtend<LoginItemApp>();
  });

  it('registers the installed executable to start at login on Windows', () => {
    const app = new FakeLoginItems();
    expect(ensureAutostart(app, { platform: 'win32', execPath })).toEqual({ action: 'registered' });
    expect(app.writes).toEqual([{ openAtLogin: true, path: execPath, args: [] }]);
  });

  it('writes nothing when already registered, so each start does not touch the registry', () => {
    const app = new FakeLoginItems();
    ensureAutostart(app, { platform: 'win32', execPath });
    expect(ensureAutostart(app, { platform: 'win32', execPath })).toEqual({ action: 'already-registered' });
    expect(app.writes).toHaveLength(1);
  });

  it('can take a machine out of kiosk service', () => {
    const app = new FakeLoginItems();
    ensureAutostart(app, { platform: 'win32', execPath });
    expect(ensureAutostart(app, { platform: 'win32', execPath, enabled: false })).toEqual({
      action: 'unregistered',
    });
    expect(app.registered.get(execPath)).toBe(false);
  });

  it('leaves Linux to the systemd user service', () => {
    const app = new FakeLoginItems();
    expect(
      ensureAutostart(app, { platform: 'linux', execPath: '/opt/Pickup Kiosk/pickup-kiosk' }).action,
    ).toBe('skipped');
    expect(app.writes).toEqual([]);
  });

  it('never registers a development run', () => {
    const app = new FakeLoginItems(false);
    expect(
      ensureAutostart(app, {
        platform: 'win32',
        execPath: 'C:\\dev\\node_modules\\electron\\dist\\electron.exe',
      }),
    ).toEqual({
      action: 'skipped',
      reason: 'not a packaged app (development run)',
    });
    expect(app.writes).toEqual([]);
  });
});
