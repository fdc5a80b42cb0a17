import type { App, BrowserWindow } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  claimSingleInstance,
  focusWindow,
  type FocusableWindow,
  type SingleInstanceApp,
} from '../../../electron/main/single-instance';
import { MemoryLogger } from '../../fakes/memory-logger';

const logger = new MemoryLogger();

class FakeApp implements SingleInstanceApp {
  secondInstance: (() => void) | undefined;
  quitCalls = 0;
  constructor(private readonly lockFree: boolean) {}
  requestSingleInstanceLock(): boolean {
    return this.lockFree;
  }
  on(_event: 'second-instance', listener: (event: unknown, argv: string[]) => void): this {
    this.secondInstance = () => {
      listener({}, ['pickup-kiosk']);
    };
    return this;
  }
  quit(): void {
    this.quitCalls++;
  }
}

class FakeWindow implements FocusableWindow {
  readonly calls: string[] = [];
  constructor(
    private minimized = false,
    private destroyed = false,
  ) {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
}

describe('single instance', () => {
  it("accepts Electron's app and BrowserWindow as they are", () => {
    expectTypeOf<App>().toExtend<SingleInstanceApp>();
    expectTypeOf<BrowserWindow>().toExtend<FocusableWindow>();
  });

  it('a second copy quits at once and reports that it must not start', () => {
    const app = new FakeApp(false);
    expect(claimSingleInstance(app, () => undefined, logger)).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.secondInstance).toBeUndefined();
    expect(logger.has('app.single-instance-refused')).toBe(true);
  });

  it('the first copy keeps running and comes to the front when launched again', () => {
    const app = new FakeApp(true);
    const window = new FakeWindow(true);
    expect(claimSingleInstance(app, () => window, logger)).toBe(true);
    expect(app.quitCalls).toBe(0);
    app.secondInstance?.();
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('a second launch before the window exists, or after it closed, does nothing', () => {
    expect(focusWindow(undefined)).toBe(false);
    const closed = new FakeWindow(false, true);
    expect(focusWindow(closed)).toBe(false);
    expect(closed.calls).toEqual([]);
    const open = new FakeWindow();
    expect(focusWindow(open)).toBe(true);
    expect(open.calls).toEqual(['show', 'focus']);
  });
});
