import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DB_NAME } from '../../electron/runtime/start-runtime';
import { describeWithBrowserTools } from '../e2e/helpers/browser-tools';
import { buildAppFolder, bundlePreloadWorld } from './build-app';
import { launchBuiltApp, type RunningApp, type StandinEvent } from './launch-app';
import { fakeCredentials, provisionMachine, startSilentCloud } from './scenarios';

/**
 * The built app, end to end: electron-vite's out/main started as Electron starts a packaged app, with the
 * Electron stand-in (test/electron-standin) in place of the binary these machines cannot have, the renderer in
 * Debian's Chromium served through the app's own protocol handler, and the preload loaded sandboxed from its
 * built file. The customer's whole path runs through real IPC: first paint, a demo code dispensed, a clean quit.
 */
type KioskPage = { kiosk?: { on(event: string, listener: () => void): unknown } };

describeWithBrowserTools('the built app under the Electron stand-in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-built-app-'));
  let built: { main: string; preloadWorld: string } | undefined;
  let app: RunningApp | undefined;
  let page: Page;

  const running = (): RunningApp => {
    if (app === undefined) throw new Error('the app did not start');
    return app;
  };
  const first = (event: string): StandinEvent | undefined =>
    running()
      .events()
      .find((e) => e.event === event);
  const logTime = (event: string): number | undefined => {
    const line = running()
      .logs()
      .find((l) => l.event === event);
    return line === undefined ? undefined : Date.parse(line.t);
  };
  const launch = async (name: string, machine?: { resources: string; userData: string }): Promise<void> => {
    if (built === undefined) throw new Error('the app was not built');
    await app?.close();
    const runDir = join(dir, name);
    mkdirSync(runDir, { recursive: true });
    app = await launchBuiltApp({
      main: built.main,
      dir: runDir,
      preloadWorld: built.preloadWorld,
      ...machine,
    });
    page = await app.page();
  };

  beforeAll(async () => {
    const [folder, preloadWorld] = await Promise.all([buildAppFolder(dir), bundlePreloadWorld(dir)]);
    built = { main: folder.main, preloadWorld };
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    // The closed app's Chromium may still be writing its profile for a moment: retry rather than fail the suite.
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  describe('demo (no configuration)', () => {
    beforeAll(() => launch('demo'), 60_000);

    it('creates its window before the core has started, with the "starting" state as the first thing sent', async () => {
      await page.locator('[data-screen="entry"]').waitFor({ timeout: 30_000 });
      const created = first('window.created')?.t;
      const shown = first('window.ready-to-show')?.t;
      const coreReady = logTime('core.ready');
      expect([created, shown, coreReady].every((t) => t !== undefined)).toBe(true);
      expect(created).toBeLessThan(coreReady ?? 0);
      expect(first('window.shown')).toBeDefined();
      const sentStates = running()
        .events()
        .filter((e) => e.event === 'webcontents.send' && e.channel === 'kiosk:event:state')
        .map((e) => (e.payload as { phase: string }).phase);
      expect(sentStates[0]).toBe('starting');
      expect(sentStates.at(-1)).toBe('ready');
      process.stdout.write(
        `built app: window shown ${(shown ?? 0) - running().launchedAt} ms after launch, core ready after ${(coreReady ?? 0) - running().launchedAt} ms\n`,
      );
    });

    it('served the page from app://kiosk through the protocol handler, with its CSP, and set no menu', () => {
      const served = running()
        .events()
        .filter((e) => e.event === 'protocol.served');
      expect(served.map((e) => e.url)).toContain('app://kiosk/index.html');
      expect(served.every((e) => e.csp === true)).toBe(true);
      expect(first('protocol.privileged')?.schemes).toEqual(['app']);
      expect(first('menu.set')?.menu).toBeNull();
      // Chosen before ready, so a desktop-less kiosk session still gets the OS keyring, not basic_text.
      expect(first('app.switch')).toMatchObject({ name: 'password-store', value: 'gnome-libsecret' });
      expect(first('app.switch-after-ready')).toBeUndefined();
      expect(first('window.created')).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      });
    });

    it('loaded the preload sandboxed, and the page has window.kiosk but no Node', async () => {
      expect(first('window.preload-loaded')).toBeDefined();
      expect(first('window.preload-error')).toBeUndefined();
      const seen = await page.evaluate(() => {
        const w = globalThis as unknown as KioskPage & { require?: unknown; process?: unknown };
        let refused = '';
        try {
          w.kiosk?.on('kiosk:get-state', () => undefined);
        } catch (e) {
          refused = e instanceof Error ? e.message : String(e);
        }
        const off = w.kiosk?.on('state', () => undefined) as (() => unknown) | undefined;
        return {
          hasKiosk: w.kiosk !== undefined,
          require: typeof w.require,
          process: typeof w.process,
          refused,
          off: off?.(),
        };
      });
      expect(seen).toEqual({
        hasKiosk: true,
        require: 'undefined',
        process: 'undefined',
        refused: 'unknown kiosk event',
        off: undefined,
      });
    });

    it('redeems a demo code through the preload and real IPC, and no call is refused', async () => {
      const code = (await page.locator('.demo-codes__code').first().textContent())?.trim();
      expect(code).toMatch(/^\d{8}$/);
      for (const digit of code ?? '') await page.getByRole('button', { name: digit, exact: true }).click();
      await page.getByRole('button', { name: 'Get my item' }).click();
      await page.locator('[data-screen="success"]').waitFor({ timeout: 20_000 });
      const calls = running()
        .events()
        .filter((e) => e.event === 'ipc.invoke');
      expect(calls.map((e) => e.channel)).toEqual(
        expect.arrayContaining(['kiosk:get-state', 'kiosk:submit-code']),
      );
      expect(calls.every((e) => e.senderUrl === 'app://kiosk/index.html')).toBe(true);
      expect(calls.filter((e) => e.error === 'forbidden')).toEqual([]);
      expect(calls.find((e) => e.channel === 'kiosk:submit-code')?.ok).toBe(true);
    });

    it('keeps the page on the app when it tries to navigate away or open a window', async () => {
      await page.evaluate(() => {
        (globalThis as unknown as { open(url: string): unknown }).open('https://evil.example/');
      });
      await expect.poll(() => first('webcontents.window-open')?.action).toBe('deny');
      await page.evaluate(() => {
        (globalThis as unknown as { location: { href: string } }).location.href = 'https://evil.example/';
      });
      await expect.poll(() => first('webcontents.will-navigate')?.prevented).toBe(true);
      expect(first('webcontents.will-navigate')?.url).toBe('https://evil.example/');
      expect(new URL(page.url()).hostname).toBe('127.0.0.1');
    });

    it('on SIGTERM stops the kiosk and exits 0 with the journal closed cleanly and the redemption in it', async () => {
      running().kill('SIGTERM');
      const exit = await running().exited;
      expect(exit).toEqual({ code: 0, signal: null });
      const events = running()
        .logs()
        .map((l) => l.event);
      expect(events).toEqual(expect.arrayContaining(['app.signal', 'app.stopped']));
      expect(events).not.toContain('app.stop-timeout');
      expect(events).not.toContain('app.main-error');
      const db = join(running().userData, DEMO_DB_NAME);
      // SQLite removes the WAL file when the last connection closes cleanly; a killed process leaves it behind.
      expect(existsSync(db)).toBe(true);
      expect(existsSync(`${db}-wal`)).toBe(false);
      const journal = new DatabaseSync(db, { readOnly: true });
      const states = journal
        .prepare('SELECT state FROM redemptions')
        .all()
        .map((r) => r.state);
      journal.close();
      expect(states.length).toBe(1);
      expect(['completed', 'reported']).toContain(states[0]);
    });
  });

  describe('a machine whose board is unplugged and whose cloud never answers', () => {
    let cloud: { url: string; close(): Promise<void> } | undefined;
    let userData = '';

    beforeAll(async () => {
      cloud = await startSilentCloud();
      const machine = provisionMachine(join(dir, 'machine'), cloud.url);
      userData = machine.userData;
      await launch('machine', machine);
    }, 60_000);
    afterAll(async () => {
      await cloud?.close();
    });

    it('is on screen, saying it is loading codes, while the core is still starting', async () => {
      await page.locator('[data-screen="starting"] [data-step="codes"]').waitFor({ timeout: 30_000 });
      expect(first('window.ready-to-show')).toBeDefined();
      expect(
        running()
          .logs()
          .map((l) => l.event),
      ).not.toContain('core.ready');
      expect(await page.locator('[role="status"][data-step="codes"]').textContent()).toBe(
        'Loading pickup codes…',
      );
    });

    it('moved the credentials into the (really encrypting) OS store and deleted the provisioning file', () => {
      expect(existsSync(join(userData, 'provisioning.json'))).toBe(false);
      const stored = readFileSync(join(userData, 'credentials.enc.json'), 'utf8');
      for (const secret of Object.values(fakeCredentials)) expect(stored).not.toContain(secret);
      const logged = JSON.stringify(running().logs());
      for (const secret of Object.values(fakeCredentials)) expect(logged).not.toContain(secret);
    });

    it('on SIGTERM in the middle of its start, stops within the bound and closes the journal', async () => {
      const asked = Date.now();
      running().kill('SIGTERM');
      expect(await running().exited).toEqual({ code: 0, signal: null });
      const events = running()
        .logs()
        .map((l) => l.event);
      expect(events).toEqual(expect.arrayContaining(['app.signal', 'runtime.stopped', 'app.stopped']));
      expect(events).not.toContain('app.stop-timeout');
      expect(events).not.toContain('app.main-error');
      expect(events).not.toContain('app.failed-to-start');
      expect(existsSync(join(userData, 'kiosk.db'))).toBe(true);
      expect(existsSync(join(userData, 'kiosk.db-wal'))).toBe(false);
      process.stdout.write(`built app: stopped ${Date.now() - asked} ms after SIGTERM, mid-start\n`);
    });
  });
});
