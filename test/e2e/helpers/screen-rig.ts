import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';
import { scriptKiosk } from './scripted-kiosk';
import type { ScreenState } from './screen-states';
import type { Viewport } from './kiosk-browser';

/** The one piece of the page's DOM used here (the node tsconfig has no DOM types). */
type FontsGlobal = { readonly document: { readonly fonts: { readonly ready: Promise<unknown> } } };

export const orientations = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const satisfies Record<string, Viewport>;

export type Orientation = keyof typeof orientations;
export const languages = ['en', 'zh-CN'] as const;

export type ScreenRig = {
  /** A fresh page showing `state` in `language` at `orientation`, its fonts loaded; the caller closes it. */
  open(state: ScreenState, language: string, orientation: Orientation): Promise<Page>;
  close(): Promise<void>;
};

/** One Chromium for every state: a page per state, so each gets its own scripted machine. */
export const launchScreenRig = async (deps: {
  readonly origin: string;
  readonly bridgeScript: string;
  readonly deviceScaleFactor: number;
}): Promise<ScreenRig> => {
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
  const context: BrowserContext = await browser.newContext({
    deviceScaleFactor: deps.deviceScaleFactor,
    hasTouch: true,
  });
  await context.addInitScript({ content: deps.bridgeScript });
  return {
    async open(state, language, orientation) {
      const page = await context.newPage();
      await page.setViewportSize(orientations[orientation]);
      await scriptKiosk(page, state.script(language));
      await page.goto(`${deps.origin}/`);
      await state.reach(page);
      await page.locator(`[data-screen="${state.screen}"]`).waitFor();
      await page.evaluate(() =>
        (globalThis as unknown as FontsGlobal).document.fonts.ready.then(() => undefined),
      );
      return page;
    },
    async close() {
      await context.close();
      await browser.close();
    },
  };
};
