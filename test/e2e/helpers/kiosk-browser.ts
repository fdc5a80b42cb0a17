import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { KioskCore } from '../../../electron/core/create-kiosk-core';
import type { IpcDispatcher } from '../../../electron/main/ipc/create-ipc-dispatcher';
import { forwardEvents } from '../../../electron/main/ipc/register-ipc';
import { chromiumArgs, chromiumPath } from './browser-tools';

export type Viewport = { readonly width: number; readonly height: number };

export type KioskBrowser = {
  /** A fresh page at `viewport` with `window.kiosk` wired to the real core, loaded at `url`. */
  openKiosk(url: string, viewport: Viewport): Promise<Page>;
  close(): Promise<void>;
};

type PageGlobal = { __kioskDeliver?: (channel: string, payload: unknown) => void };

/**
 * Chromium playing the kiosk window. Each page gets what the preload gives the real window: `window.kiosk`
 * built by the contract's `buildKioskApi` (the bundled bridge script), whose calls reach the real IPC
 * dispatcher through a Playwright binding, with the calling frame as the sender it checks.
 */
export const launchKioskBrowser = async (deps: {
  readonly dispatcher: IpcDispatcher;
  readonly core: KioskCore;
  readonly bridgeScript: string;
}): Promise<KioskBrowser> => {
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
  // One context for every page: the binding and the init script are installed once, as a preload is.
  const context: BrowserContext = await browser.newContext({ deviceScaleFactor: 1, hasTouch: true });
  await context.exposeBinding('__kioskInvoke', (source, channel: unknown, input: unknown) =>
    deps.dispatcher.dispatch(
      typeof channel === 'string' ? channel : '',
      { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() },
      input,
    ),
  );
  await context.addInitScript({ content: deps.bridgeScript });
  const unsubscribes: (() => void)[] = [];

  const openKiosk = async (url: string, viewport: Viewport): Promise<Page> => {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    // The same forwarder main uses for the window, with the page standing in for webContents.
    unsubscribes.push(
      forwardEvents(deps.core, {
        send: (channel, payload) => {
          page
            .evaluate(
              ([name, body]) => {
                (globalThis as PageGlobal).__kioskDeliver?.(name, body);
              },
              [channel, payload] as const,
            )
            .catch(() => undefined);
        },
        isDestroyed: () => page.isClosed(),
      }),
    );
    await page.goto(url);
    // The page renders once its CJK faces are in, or it gave up on them (renderer/src/cjk-faces.ts).
    await page.locator('html[data-faces]').waitFor({ state: 'attached' });
    return page;
  };

  return {
    openKiosk,
    async close() {
      unsubscribes.forEach((off) => {
        off();
      });
      await context.close();
      await browser.close();
    },
  };
};
