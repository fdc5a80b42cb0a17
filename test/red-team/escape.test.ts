import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAppFolder, bundlePreloadWorld } from '../built-app/build-app';
import { launchBuiltApp, type RunningApp } from '../built-app/launch-app';
import { describeWithBrowserTools } from '../e2e/helpers/browser-tools';

/**
 * Red team: a person at the kiosk with a USB keyboard (or a scanner programmed to send control keys) and whatever
 * the window manager lets them do, against the built app under the Electron stand-in. Every way out a customer
 * could use is tried and must leave the kiosk where it was.
 */
type Answer = {
  prevented?: boolean;
  after: Record<string, boolean>;
  zoom?: { factor: number; limits: number[] };
};

const escapeKeys: [
  string,
  { key: string; control?: boolean; alt?: boolean; meta?: boolean; shift?: boolean },
][] = [
  ['Ctrl+W', { key: 'w', control: true }],
  ['Ctrl+Q', { key: 'q', control: true }],
  ['Ctrl+M', { key: 'm', control: true }],
  ['Ctrl+R', { key: 'r', control: true }],
  ['Ctrl+Shift+I', { key: 'I', control: true, shift: true }],
  ['Ctrl+P', { key: 'p', control: true }],
  ['Ctrl+=', { key: '=', control: true }],
  ['Ctrl+-', { key: '-', control: true }],
  ['Alt+F4', { key: 'F4', alt: true }],
  ['Alt+Tab', { key: 'Tab', alt: true }],
  ['Meta', { key: 'Meta', meta: true }],
  ['F5', { key: 'F5' }],
  ['F11', { key: 'F11' }],
  ['F12', { key: 'F12' }],
  ['Tab', { key: 'Tab' }],
];

describeWithBrowserTools('red team: leaving the kiosk from its keyboard and window', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-red-escape-'));
  let app: RunningApp | undefined;
  let page: Page;
  let control = '';

  const post = async (path: string, body: unknown): Promise<Answer> => {
    const answer = await fetch(`${control}${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (!answer.ok) throw new Error(await answer.text());
    return (await answer.json()) as Answer;
  };

  beforeAll(async () => {
    const [built, preloadWorld] = await Promise.all([buildAppFolder(dir), bundlePreloadWorld(dir)]);
    app = await launchBuiltApp({ main: built.main, dir, preloadWorld });
    page = await app.page();
    await page.locator('[data-screen="entry"]').waitFor({ timeout: 30_000 });
    control = String(app.events().find((e) => e.event === 'control.ready')?.url);
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    // The closed app's Chromium may still be writing its profile for a moment: retry rather than fail the suite.
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  it('opens its window in kiosk mode with no close or minimise button', () => {
    expect(app?.events().find((e) => e.event === 'window.created')).toMatchObject({
      kiosk: true,
      closable: false,
      minimizable: false,
    });
  });

  it.each(escapeKeys)('swallows %s before the page or Chromium sees it', async (_name, key) => {
    expect((await post('/key', key)).prevented).toBe(true);
  });

  it('still takes the typing a customer and a scanner need', async () => {
    for (const key of ['2', '4', 'Backspace', '4'])
      expect((await post('/key', { key })).prevented).toBe(false);
    await expect.poll(() => page.locator('[data-code]').getAttribute('data-code')).toBe('24');
  });

  it.each([
    ['close (Alt+F4 through the window manager)', 'close', { destroyed: false }],
    ['minimise', 'minimize', { minimized: false }],
    ['leave full screen', 'leave-full-screen', { fullScreen: true, kiosk: true }],
    ['take focus away', 'blur', { focused: true }],
  ])('refuses to %s', async (_name, action, expected) => {
    expect((await post('/window', { action })).after).toMatchObject(expected);
  });

  it('pins the zoom at 100 % after a pinch', async () => {
    expect((await post('/window', { action: 'zoom' })).zoom).toEqual({ factor: 1, limits: [1, 1] });
  });

  it('logged the refusals, and the kiosk is still serving', async () => {
    const refused = new Set(
      app
        ?.logs()
        .filter((l) => l.event === 'kiosk.escape-refused')
        .map((l) => l.what),
    );
    // No 'minimize': the window is not minimizable, so the window manager never minimised it to begin with.
    expect([...refused].sort()).toEqual(['close', 'key', 'leave-full-screen', 'zoom']);
    expect(await page.locator('[data-screen="entry"]').count()).toBe(1);
    expect(app?.events().some((e) => e.event === 'app.exit')).toBe(false);
  });
});
