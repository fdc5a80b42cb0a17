import type { BrowserWindow } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { guardKioskWindow, type GuardableWindow } from '../../../../electron/main/lockdown/window-guard';
import { MemoryLogger } from '../../../fakes/memory-logger';

/** A window that records what the guard made it do; events are emitted by the test as the OS would. */
class FakeWindow extends EventEmitter implements GuardableWindow {
  calls: string[] = [];
  zoom = 1;
  destroyed = false;
  readonly webContents = Object.assign(new EventEmitter(), {
    setZoomFactor: (factor: number) => {
      this.zoom = factor;
      this.calls.push(`zoom ${factor}`);
    },
    setVisualZoomLevelLimits: (min: number, max: number) => {
      this.calls.push(`limits ${min}-${max}`);
      return Promise.resolve();
    },
  });
  restore(): void {
    this.calls.push('restore');
  }
  focus(): void {
    this.calls.push('focus');
  }
  setFullScreen(flag: boolean): void {
    this.calls.push(`fullscreen ${flag}`);
  }
  setKiosk(flag: boolean): void {
    this.calls.push(`kiosk ${flag}`);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

const setup = () => {
  const window = new FakeWindow();
  const logger = new MemoryLogger();
  let stopping = false;
  let now = 0;
  guardKioskWindow(window, { logger, isStopping: () => stopping, now: () => now });
  const preventable = () => {
    const e = { prevented: false, preventDefault: () => (e.prevented = true) };
    return e;
  };
  return {
    window,
    logger,
    preventable,
    stop: () => (stopping = true),
    tick: (ms: number) => (now += ms),
  };
};

describe('kiosk window guard', () => {
  it("accepts Electron's BrowserWindow as it is", () => {
    expectTypeOf<BrowserWindow>().toExtend<GuardableWindow>();
  });

  it('swallows a close shortcut before the page or Chromium sees it, and lets typing through', () => {
    const { window, preventable, logger } = setup();
    const ctrlW = preventable();
    window.webContents.emit('before-input-event', ctrlW, {
      type: 'keyDown',
      key: 'w',
      control: true,
      alt: false,
      meta: false,
      shift: false,
    });
    const digit = preventable();
    window.webContents.emit('before-input-event', digit, {
      type: 'keyDown',
      key: '7',
      control: false,
      alt: false,
      meta: false,
      shift: false,
    });
    expect([ctrlW.prevented, digit.prevented]).toEqual([true, false]);
    expect(logger.lines.find((l) => l.event === 'kiosk.escape-refused')?.fields).toEqual({
      what: 'key',
      key: 'w',
      modifiers: 'control',
    });
  });

  it('refuses to close, restores a minimised window, re-enters full screen and takes focus back', () => {
    const { window, preventable } = setup();
    const close = preventable();
    window.emit('close', close);
    window.emit('minimize');
    window.emit('leave-full-screen');
    window.emit('blur');
    expect(close.prevented).toBe(true);
    expect(window.calls).toEqual(['restore', 'kiosk true', 'fullscreen true', 'focus']);
  });

  it('pins the zoom at 100 % on load and after any zoom change', () => {
    const { window } = setup();
    window.webContents.emit('did-finish-load');
    window.zoom = 1.5;
    window.webContents.emit('zoom-changed');
    expect(window.zoom).toBe(1);
    expect(window.calls).toEqual(['zoom 1', 'limits 1-1', 'zoom 1', 'limits 1-1']);
  });

  it('lets the window close once the app is stopping, and does nothing to a destroyed window', () => {
    const { window, preventable, stop } = setup();
    stop();
    const close = preventable();
    window.emit('close', close);
    window.emit('minimize');
    expect(close.prevented).toBe(false);
    expect(window.calls).toEqual([]);
  });

  it('logs each kind of refusal at most once a minute', () => {
    const { window, preventable, logger, tick } = setup();
    for (let i = 0; i < 50; i += 1) window.emit('close', preventable());
    tick(61_000);
    window.emit('close', preventable());
    expect(logger.lines.filter((l) => l.event === 'kiosk.escape-refused')).toHaveLength(2);
  });
});
