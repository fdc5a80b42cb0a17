import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const repoRoot = join(__dirname, '..', '..');

/** The binary `npm install` downloads; ELECTRON_SKIP_BINARY_DOWNLOAD (CI, these build machines) leaves none. */
const electronBinary = (): string | null => {
  const pathFile = join(repoRoot, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(repoRoot, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
};

const binary = electronBinary();
const suite = binary === null ? describe.skip : describe;
const title =
  binary === null
    ? 'Electron smoke test (skipped: no Electron binary here; `npm install` without ELECTRON_SKIP_BINARY_DOWNLOAD fetches one)'
    : 'Electron smoke test: the real app in demo mode';

suite(title, () => {
  it('starts the packaged build in demo mode and redeems a demo code', async () => {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    expect(build.status).toBe(0);
    const userData = mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [join(repoRoot, 'out/main/index.js'), `--user-data-dir=${userData}`],
      cwd: repoRoot,
    });
    try {
      const page = await app.firstWindow();
      // The page is the app's own origin, never file://.
      expect(page.url()).toBe('app://kiosk/index.html');
      await page.locator('[data-screen="entry"]').waitFor({ timeout: 30_000 });
      expect(await page.getByText('DEMO', { exact: false }).count()).toBeGreaterThan(0);
      for (const digit of '24681357') await page.getByRole('button', { name: digit, exact: true }).click();
      await page.getByRole('button', { name: 'Get my item' }).click();
      await page.locator('[data-screen="success"]').waitFor({ timeout: 20_000 });
      const hasNode = await page.evaluate(
        () => typeof (globalThis as { require?: unknown }).require !== 'undefined',
      );
      expect(hasNode).toBe(false);
      // A quit goes through the kiosk's stop: the demo journal is closed cleanly (no WAL file left).
      await app.evaluate(({ app: electronApp }) => {
        electronApp.quit();
      });
      await app.waitForEvent('close', { timeout: 15_000 });
      expect(existsSync(join(userData, 'demo-kiosk.db'))).toBe(true);
      expect(existsSync(join(userData, 'demo-kiosk.db-wal'))).toBe(false);
    } finally {
      await app.close().catch(() => undefined);
      rmSync(userData, { recursive: true, force: true });
    }
  }, 120_000);
});
