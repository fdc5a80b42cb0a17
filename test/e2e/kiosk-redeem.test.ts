import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { KioskApi } from '../../electron/contract';
import { MEDIA_DIR_NAME } from '../../electron/runtime/media-dir';
import { demoSeed } from '../../electron/sim/cloud/demo-seed';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowserTools } from './helpers/browser-tools';
import { buildRenderer, bundlePageBridge } from './helpers/bundles';
import { clippedContent, entryTouchBoxes, outsideViewport, REACH_PX } from './helpers/entry-layout';
import { launchKioskBrowser, type KioskBrowser } from './helpers/kiosk-browser';
import { maintenancePin, startKioskStack, type KioskStack } from './helpers/kiosk-stack';
import { startStaticServer, type StaticServer } from './helpers/static-server';

const shotsDir = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));
const portrait = { width: 1080, height: 1920 };
const landscape = { width: 1920, height: 1080 };

/** Chromium reports this for any meta-delivered CSP naming frame-ancestors; main sends it as a header too. */
type PageWithKiosk = { readonly kiosk: KioskApi };

const knownConsoleNoise = /frame-ancestors' is ignored when delivered via a <meta> element/;

describeWithBrowserTools('kiosk in Chromium, real core, sim cloud over HTTP, sim board over a pty', () => {
  // Undefined until beforeAll has started them; afterAll stops whatever did start.
  let stack: KioskStack | undefined;
  let server: StaticServer | undefined;
  let builtDir: string | undefined;
  let browser: KioskBrowser | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(shotsDir, { recursive: true });
    const [bridgeScript, rendererOutDir] = await Promise.all([bundlePageBridge(), buildRenderer()]);
    builtDir = rendererOutDir;
    stack = await startKioskStack();
    server = await startStaticServer(rendererOutDir, join(stack.dataDir, MEDIA_DIR_NAME));
    browser = await launchKioskBrowser({
      dispatcher: stack.dispatcherFor(server.origin),
      core: stack.runtime.core,
      bridgeScript,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (builtDir !== undefined) rmSync(builtDir, { recursive: true, force: true });
    await stack?.stop();
  });

  const started = (): { stack: KioskStack; server: StaticServer; browser: KioskBrowser } => {
    if (!stack || !server || !browser) throw new Error('the kiosk stack did not start');
    return { stack, server, browser };
  };

  const open = async (
    viewport: { width: number; height: number },
    origin = started().server.origin,
  ): Promise<Page> => {
    const page = await started().browser.openKiosk(`${origin}/`, viewport);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !knownConsoleNoise.test(message.text()))
        problems.push(message.text());
    });
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: `${shotsDir}${name}.png` });
  const tapCode = async (page: Page, code: string): Promise<void> => {
    for (const digit of code) await page.getByRole('button', { name: digit, exact: true }).tap();
  };

  it('dispenses a valid code: the board ledger shows exactly one drop from its slot', async () => {
    const page = await open(portrait);
    await page.locator('[data-screen="entry"]').waitFor();
    await shot(page, 'portrait-1-entry');
    const before = started().stack.ledger();
    // The cache fill queued the goods' photos; they are on disk within moments of the start.
    const media = join(started().stack.dataDir, MEDIA_DIR_NAME);
    await expect.poll(() => readdirSync(media).length, { timeout: 5_000 }).toBe(demoSeed().products.length);
    await tapCode(page, '24681357');
    await shot(page, 'portrait-2-code-typed');
    await page.getByRole('button', { name: 'Get my item' }).tap();
    await page.locator('[data-screen="dispensing"]').waitFor({ timeout: 10_000 });
    await shot(page, 'portrait-3-dispensing');
    await page.locator('[data-screen="success"]').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.getByText('Please take Sparkling Water from the tray below.').count())
      .toBe(1);
    // The good's photo, downloaded by the main process at the cache fill, drawn from the page's own origin.
    const photo = page.locator('[data-screen="success"] img');
    // An expression, not a function: the test's own types have no DOM, and the page evaluates it as written.
    const drawnWidth = `document.querySelector('[data-screen="success"] img')?.naturalWidth ?? 0`;
    await expect.poll(async () => Number(await page.evaluate(drawnWidth))).toBeGreaterThan(0);
    expect(await photo.getAttribute('src')).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
    await shot(page, 'portrait-4-success');

    const drops = started().stack.ledger().slice(before.length);
    expect(drops.map(({ addr, slot }) => ({ addr, slot }))).toEqual([{ addr: 1, slot: 0 }]);
    await page.getByRole('button', { name: 'Done' }).tap();
    await page.locator('[data-screen="entry"]').waitFor();
    expect(problems).toEqual([]);
  });

  it('refuses a wrong code typed by a scanner and drops nothing', async () => {
    const page = await open(portrait);
    await page.locator('[data-screen="entry"]').waitFor();
    const before = started().stack.ledger();
    await page.keyboard.type('11110000');
    await page.keyboard.press('Enter');
    // The demo refreshes on every miss: the first answer comes at once and says the list is being fetched.
    await page.locator('[data-error-code="code-checking"]').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Enter code again' }).click();
    await page.locator('[data-screen="entry"]').waitFor();
    // The code is handed back in the boxes: sent again once that refresh is done (it shares the one in flight
    // until then), it is refused.
    await page.waitForTimeout(1500);
    await page.keyboard.press('Enter');
    await page.locator('[data-error-code="unknown-code"]').waitFor({ timeout: 10_000 });
    await shot(page, 'portrait-5-wrong-code');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Code not recognised');
    expect(await page.getByRole('alert').textContent()).toBe('This machine does not know that code.');
    expect(started().stack.ledger()).toEqual(before);
    expect(problems).toEqual([]);
  });

  it('works in landscape too, on the board without a drop sensor', async () => {
    const page = await open(landscape);
    await page.locator('[data-screen="entry"]').waitFor();
    await shot(page, 'landscape-1-entry');
    const before = started().stack.ledger();
    await tapCode(page, '80808080');
    await page.getByRole('button', { name: 'Get my item' }).tap();
    await page.locator('[data-screen="success"]').waitFor({ timeout: 15_000 });
    await shot(page, 'landscape-2-success');
    const drops = started().stack.ledger().slice(before.length);
    expect(drops.map(({ addr, slot }) => ({ addr, slot }))).toEqual([{ addr: 2, slot: 1 }]);
    expect(problems).toEqual([]);
  });

  it('keeps everything a customer touches in portrait within the lowest 1200 px, boxes and keys alike', async () => {
    const page = await open(portrait);
    await page.locator('[data-screen="entry"]').waitFor();
    const reachTop = portrait.height - REACH_PX;
    // Empty (8 boxes, submit saying what is missing), then at the longest code the boxes can grow to.
    for (const code of ['', '1234567890']) {
      await tapCode(page, code);
      const boxes = await entryTouchBoxes(page);
      expect(boxes.map(({ name }) => name)).toContain('Pickup code');
      // 10 digits, delete, clear, submit, the two languages of the switch, and the boxes.
      expect(boxes.length).toBe(16);
      expect(boxes.filter(({ top }) => top < reachTop)).toEqual([]);
      expect(outsideViewport(boxes, portrait)).toEqual([]);
      expect(await clippedContent(page)).toEqual([]);
    }
    await shot(page, 'portrait-7-ten-digits');
    await page.getByRole('button', { name: 'Clear' }).tap();
    expect(problems).toEqual([]);
  });

  it('lays the entry screen out in landscape with nothing cut off, the keypad beside the boxes', async () => {
    const page = await open(landscape);
    await page.locator('[data-screen="entry"]').waitFor();
    for (const code of ['', '1234567890']) {
      await tapCode(page, code);
      const boxes = await entryTouchBoxes(page);
      expect(outsideViewport(boxes, landscape)).toEqual([]);
      expect(await clippedContent(page)).toEqual([]);
      const codeBoxes = boxes.find(({ name }) => name === 'Pickup code');
      const one = boxes.find(({ name }) => name === '1');
      if (codeBoxes === undefined || one === undefined)
        throw new Error('the code boxes or the 1 key are missing');
      expect(codeBoxes.right).toBeLessThanOrEqual(one.left);
    }
    await shot(page, 'landscape-3-ten-digits');
    expect(problems).toEqual([]);
  });

  it('answers forbidden to a page from another origin', async () => {
    const page = await open(portrait, started().server.origin.replace('127.0.0.1', 'localhost'));
    const answer = await page.evaluate(() => (globalThis as unknown as PageWithKiosk).kiosk.getState({}));
    expect(answer).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(started().stack.logger.has('ipc.forbidden')).toBe(true);
    // The screen stays on "starting" rather than showing anything from a refused answer.
    await page.locator('[data-screen="starting"]').waitFor();
  });
  it('shows the slot an unconfirmed drop locked on the maintenance screen, opened by holding the corner and the PIN', async () => {
    const { stack } = started();
    // A blocked drop sensor: the board cannot say whether the Cola fell, so the kiosk must lock its slot.
    expect(
      (await stack.board.control({ cmd: 'fault', fault: { kind: 'sensor-blocked', addr: 1, slot: 2 } }))
        .event,
    ).toBe('fault-armed');
    const page = await open(portrait);
    await page.locator('[data-screen="entry"]').waitFor();
    await tapCode(page, '11223344');
    await page.getByRole('button', { name: 'Get my item' }).tap();
    await page.locator('[data-screen="attention"]').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Done' }).tap();

    const corner = await page.getByTestId('maintenance-corner').boundingBox();
    if (corner === null) throw new Error('the maintenance corner is not on screen');
    await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
    await page.mouse.down();
    await page.locator('[data-screen="maintenance-pin"]').waitFor({ timeout: 8000 });
    await page.mouse.up();
    await tapCode(page, maintenancePin);
    await page.getByRole('button', { name: 'Open' }).tap();
    await page.locator('[data-screen="maintenance"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-slot-lock="1/2"]').waitFor();
    await shot(page, 'portrait-6-maintenance');
    expect(await page.locator('[data-attention]').first().textContent()).toContain('******44');
    expect(await page.content()).not.toContain('11223344');
    await page.getByRole('button', { name: 'Close' }).tap();
    await page.locator('[data-screen="entry"]').waitFor();
    await stack.board.control({ cmd: 'clear-faults' });
    expect(problems).toEqual([]);
  }, 60_000);
});
