import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { app, type WindowLike } from './app';
import { ipcMain } from './ipc-main';
import { record } from './record';
import { StandinWebContents } from './web-contents';

type WebPreferences = {
  readonly preload?: string;
  readonly sandbox?: boolean;
  readonly contextIsolation?: boolean;
  readonly nodeIntegration?: boolean;
};
type WindowOptions = { readonly show?: boolean; readonly webPreferences?: WebPreferences };

/** The bundled page half (page/preload-world.ts), built by the test and handed over in this variable. */
const preloadWorld = (): string => {
  const file = process.env.STANDIN_PRELOAD_WORLD;
  if (file === undefined) throw new Error('stand-in: STANDIN_PRELOAD_WORLD is not set');
  return readFileSync(file, 'utf8');
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

  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.all];
  }

  constructor(options: WindowOptions = {}) {
    super();
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    const prefs = options.webPreferences ?? {};
    const sandbox = prefs.sandbox ?? true;
    const contextIsolation = prefs.contextIsolation ?? true;
    record({
      event: 'window.created',
      sandbox,
      contextIsolation,
      nodeIntegration: prefs.nodeIntegration ?? false,
      preload: prefs.preload ?? null,
    });
    const host = app.chromium;
    if (host === null) throw new Error('stand-in: Chromium is not running');
    this.webContents = new StandinWebContents(
      host.context.newPage().then(async (page) => {
        await this.installPreload(page, prefs.preload, sandbox, contextIsolation);
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

  private async installPreload(
    page: Page,
    preload: string | undefined,
    sandbox: boolean,
    contextIsolation: boolean,
  ): Promise<void> {
    if (preload === undefined) return;
    const bindingName = `__standinIpc_${randomBytes(8).toString('hex')}`;
    const runKey = `__standinRun_${randomBytes(8).toString('hex')}`;
    await page.exposeBinding(
      bindingName,
      async (source, message: { kind: string; channel?: string; args?: unknown[]; message?: string }) => {
        if (message.kind === 'preload-loaded' || message.kind === 'preload-error') {
          record({ event: `window.${message.kind}`, message: message.message ?? null });
          return { ok: true };
        }
        const event = {
          sender: this.webContents,
          senderFrame: this.webContents.frameFor(source.frame, source.page),
          frameId: 1,
          processId: 1,
        };
        if (message.kind === 'send') {
          ipcMain.emit(message.channel ?? '', event, ...(message.args ?? []));
          return { ok: true };
        }
        return ipcMain.invoke(event, message.channel ?? '', message.args ?? []);
      },
    );
    const config = {
      bindingName,
      deliverKey: this.webContents.deliverKey,
      runKey,
      sandbox,
      contextIsolation,
    };
    // The preload's own text, wrapped in a function the page half calls with a sandboxed require: no eval, so the
    // page's CSP does not stand in the way (Electron's preload is not subject to it either).
    const script = [
      `globalThis.__standinPreloadConfig = ${JSON.stringify(config)};`,
      preloadWorld(),
      `globalThis[${JSON.stringify(runKey)}](function (require, module, exports, process, Buffer, global) {`,
      readFileSync(preload, 'utf8'),
      '});',
    ].join('\n');
    await page.addInitScript({ content: script });
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
    this.emit('focus');
  }

  isVisible(): boolean {
    return this.visible;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {
    this.show();
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
