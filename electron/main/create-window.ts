import { dirname } from 'node:path';
import type { FocusableWindow } from './single-instance';
import { contentSecurityPolicy, kioskWindowOptions, type KioskWindowOptions } from './window-options';
import { hardenContents, hardenSession, type HardenableContents, type HardenableSession } from './harden';
import type { EventSink } from './ipc/register-ipc';
import { appUrlMatcher, type AppLocation } from './ipc/trusted-sender';

/** The slice of BrowserWindow the shell uses; Electron's class satisfies it, tests pass a fake. */
export type KioskWindow = FocusableWindow & {
  readonly webContents: HardenableContents & EventSink & { readonly session: HardenableSession };
  loadURL(url: string): Promise<void>;
  loadFile(path: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
};

export type WindowDeps = {
  readonly create: (options: KioskWindowOptions) => KioskWindow;
  readonly preloadPath: string;
  readonly rendererIndex: string;
  /** Set in development by electron-vite (ELECTRON_RENDERER_URL); never in a packaged app. */
  readonly devServerUrl: string | undefined;
  readonly packaged: boolean;
};

/** Where the page may be: the built index.html's folder, or the dev server's origin in development. */
export const appLocation = (deps: Pick<WindowDeps, 'rendererIndex' | 'devServerUrl'>): AppLocation => ({
  fileRoot: dirname(deps.rendererIndex),
  ...(deps.devServerUrl === undefined ? {} : { origin: new URL(deps.devServerUrl).origin }),
});

/**
 * The customer's full-screen window: sandboxed, isolated, no Node, strict CSP on every response (except
 * the dev server, whose hot-reload needs more), navigation and pop-ups refused, shown once painted.
 */
export const createKioskWindow = async (deps: WindowDeps): Promise<KioskWindow> => {
  const window = deps.create(kioskWindowOptions(deps.preloadPath, deps.packaged));
  hardenContents(window.webContents, appUrlMatcher(appLocation(deps)));
  if (deps.devServerUrl === undefined) hardenSession(window.webContents.session, contentSecurityPolicy);
  window.once('ready-to-show', () => {
    window.show();
    window.focus();
  });
  if (deps.devServerUrl !== undefined && !deps.packaged) await window.loadURL(deps.devServerUrl);
  else await window.loadFile(deps.rendererIndex);
  return window;
};
