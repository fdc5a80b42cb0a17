import { EventEmitter } from 'node:events';
import type { Page } from 'playwright-core';
import { app, type WindowLike } from './app';
import { installPreload } from './preload-host';
import { record } from './record';
import { StandinWebContents } from './web-contents';

type WebPreferences = {
  readonly preload?: string;
  readonly sandbox?: boolean;
  readonly contextIsolation?: boolean;
  readonly nodeIntegration?: boolean;
};
type WindowOptions = {
  readonly show?: boolean;
  readonly kiosk?: boolean;
  readonly fullscreen?: boolean;
  readonly closable?: boolean;
  readonly minimizable?: boolean;
  readonly webPreferences?: WebPreferences;
};

/**
 * Electron's BrowserWindow, as far as the kiosk uses it: construction options checked the way the kiosk relies on
 * (a preload path, sandbox and isolation recorded), `ready-to-show` after the first paint, show/focus, and close.
 * The page is a tab of the app's Chromium; its preload runs from the built file through page/preload-world.ts.
 */
export class BrowserWindow extends EventEmitter implements WindowLike {
  private static readonly all = new Set<BrowserWindow>();
  readonly webContents: StandinWebContents;
  private visible = false;
  private destroyed = false;
  private shownOnce = false;
  private minimized = false;
  private fullScreen: boolean;
  private kiosk: boolean;
  private focused = false;
  /** As given: the OS-level actions the control channel plays honour them like a window manager would. */
  readonly closable: boolean;
  readonly minimizable: boolean;

  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.all];
  }

  constructor(options: WindowOptions = {}) {
    super();
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    this.kiosk = options.kiosk ?? false;
    this.fullScreen = (options.fullscreen ?? false) || this.kiosk;
    this.closable = options.closable ?? true;
    this.minimizable = options.minimizable ?? true;
    const prefs = options.webPreferences ?? {};
    const sandbox = prefs.sandbox ?? true;
    const contextIsolation = prefs.contextIsolation ?? true;
    record({
      event: 'window.created',
      sandbox,
      contextIsolation,
      nodeIntegration: prefs.nodeIntegration ?? false,
      preload: prefs.preload ?? null,
      kiosk: options.kiosk ?? false,
      closable: options.closable ?? true,
      minimizable: options.minimizable ?? true,
    });
    const host = app.chromium;
    if (host === null) throw new Error('stand-in: Chromium is not running');
    this.webContents = new StandinWebContents(
      host.context.newPage().then(async (page) => {
        await installPreload(page, this.webContents, { preload: prefs.preload, sandbox, contextIsolation });
        page.on('load', () => {
          void this.firstPaint(page);
        });
        page.on('popup', (popup) => void this.webContents.popup(popup));
        page.on('crash', () => {
          app.emit('render-process-gone', {}, this.webContents, { reason: 'crashed', exitCode: 0 });
        });
        page.on('pageerror', (e) => {
          record({ event: 'page.error', message: e.message });
        });
        await page.route('**/*', (route) => this.webContents.route(route, page));
        return page;
      }),
    );
    BrowserWindow.all.add(this);
    app.windows.add(this);
    if (options.show !== false) this.show();
  }

  private async firstPaint(page: Page): Promise<void> {
    await page
      .evaluate(
        () =>
          new Promise<void>((resolve) => {
            (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame(
              () => {
                resolve();
              },
            );
          }),
      )
      .catch(() => undefined);
    if (this.shownOnce || this.destroyed) return;
    record({ event: 'window.ready-to-show' });
    this.emit('ready-to-show');
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    if (this.destroyed) return;
    if (!this.visible) record({ event: 'window.shown' });
    this.visible = true;
    this.shownOnce = true;
    this.emit('show');
  }

  focus(): void {
    this.focused = true;
    this.emit('focus');
  }

  /** The OS took focus away (another window, a key the window manager handles). */
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }

  minimize(): void {
    if (!this.minimizable || this.minimized) return;
    this.minimized = true;
    this.emit('minimize');
  }

  setFullScreen(flag: boolean): void {
    if (this.fullScreen === flag) return;
    this.fullScreen = flag;
    this.emit(flag ? 'enter-full-screen' : 'leave-full-screen');
  }

  isFullScreen(): boolean {
    return this.fullScreen;
  }

  setKiosk(flag: boolean): void {
    this.kiosk = flag;
    if (flag) this.setFullScreen(true);
  }

  isKiosk(): boolean {
    return this.kiosk;
  }

  isFocused(): boolean {
    return this.focused;
  }

  /** What the control channel reports after an action: the window as a user would find it. */
  describe(): Record<string, boolean> {
    return {
      destroyed: this.destroyed,
      visible: this.visible,
      minimized: this.minimized,
      fullScreen: this.fullScreen,
      kiosk: this.kiosk,
      focused: this.focused,
    };
  }

  isVisible(): boolean {
    return this.visible;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
    this.show();
    this.emit('restore');
  }

  /** A close the app or the user asks for: `close` may veto it; the last window closed may quit the app. */
  close(): void {
    const decision = { prevented: false };
    this.emit('close', { preventDefault: () => (decision.prevented = true) });
    if (decision.prevented) return;
    void this.destroyNow().then(() => {
      app.lastWindowClosed();
    });
  }

  closeForQuit(): Promise<void> {
    this.emit('close', { preventDefault: () => undefined });
    return this.destroyNow();
  }

  async destroyNow(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.markDestroyed();
    BrowserWindow.all.delete(this);
    app.windows.delete(this);
    await (await this.webContents.page).close().catch(() => undefined);
    record({ event: 'window.closed' });
    this.emit('closed');
  }
}
