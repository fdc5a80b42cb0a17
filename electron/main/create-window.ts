import type { FocusableWindow } from './single-instance';
import { kioskWindowOptions, type KioskWindowOptions } from './window-options';
import { hardenContents, hardenSession, type HardenableContents, type HardenableSession } from './harden';
import type { EventSink } from './ipc/register-ipc';
import { appUrlMatcher, type AppLocation } from './ipc/trusted-sender';
import { APP_PAGE_URL } from './protocol/app-origin';

/** The slice of BrowserWindow the shell uses; Electron's class satisfies it, tests pass a fake. */
export type KioskWindow = FocusableWindow & {
  readonly webContents: HardenableContents & EventSink & { readonly session: HardenableSession };
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
};

export type WindowDeps = {
  readonly create: (options: KioskWindowOptions) => KioskWindow;
  readonly preloadPath: string;
  /** Set in development by electron-vite (ELECTRON_RENDERER_URL); never in a packaged app. */
  readonly devServerUrl: string | undefined;
  readonly packaged: boolean;
};

/** Where the page may be: the app's own origin, and the dev server's in development. */
export const appLocation = (deps: Pick<WindowDeps, 'devServerUrl' | 'packaged'>): AppLocation =>
  deps.devServerUrl === undefined || deps.packaged ? {} : { devOrigin: new URL(deps.devServerUrl).origin };

/** The page to load: the dev server in development, the app's own origin otherwise. */
export const pageUrl = (deps: Pick<WindowDeps, 'devServerUrl' | 'packaged'>): string =>
  deps.devServerUrl !== undefined && !deps.packaged ? deps.devServerUrl : APP_PAGE_URL;

/**
 * The customer's full-screen window: sandboxed, isolated, no Node, navigation and pop-ups refused, no
 * permissions, shown once painted. The CSP comes with every app:// answer (see protocol/app-protocol.ts).
 * Returns at once: `loaded` settles when the page has loaded, `shown` when it is on screen (first paint).
 */
export const createKioskWindow = (
  deps: WindowDeps,
): { window: KioskWindow; loaded: Promise<void>; shown: Promise<void> } => {
  const window = deps.create(kioskWindowOptions(deps.preloadPath, deps.packaged));
  hardenContents(window.webContents, appUrlMatcher(appLocation(deps)));
  hardenSession(window.webContents.session);
  const shown = new Promise<void>((resolve) => {
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
      resolve();
    });
  });
  return { window, loaded: window.loadURL(pageUrl(deps)), shown };
};
