import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';
import { scriptKiosk } from './scripted-kiosk';
import type { ScreenState } from './screen-states';
import type { Viewport } from './kiosk-browser';

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
      // The page renders once its CJK faces are in, or it gave up on them (renderer/src/cjk-faces.ts).
      await page.locator('html[data-faces]').waitFor({ state: 'attached' });
      await state.reach(page);
      await page.locator(`[data-screen="${state.screen}"]`).waitFor();
      // The CJK face comes in slices by unicode-range, each loaded only once a glyph of it is drawn, and
      // `fonts.ready` may settle before the screen asked for them. So ask for every slice the screen's text needs,
      // in each weight the screens use, then give the page two frames to draw with them.
      await page.evaluate(`Promise.all(['400', '700', '800'].map((weight) =>
          document.fonts.load(weight + ' 30px "Noto Sans SC"', document.body.innerText)))
        .then(() => document.fonts.ready)
        .then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))`);
      return page;
    },
    async close() {
      await context.close();
      await browser.close();
    },
  };
};
