/**
 * The customer screen's weight and first paint, beside a blank Vite + React page built the same way (the floor:
 * React itself and one word of text). Both are production builds by Vite with the renderer's own settings, served
 * from loopback and opened in Debian's Chromium at the portrait kiosk size, alternating, fresh page each time.
 *   npx tsx test/bench/renderer.ts [--runs 10]
 * - JS gz: every emitted .js file gzipped at level 9, summed (what the window parses before it can paint);
 * - first paint: the page's own `first-contentful-paint`, for the kiosk its entry screen (fed a ready state by a
 *   minimal `window.kiosk`, as the preload would give it).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../e2e/helpers/chromium';
import { startStaticServer } from '../e2e/helpers/static-server';
import { reportRows } from './bench-report';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag === -1 ? 10 : Number(process.argv[runsFlag + 1]);
/** The screen's own code may weigh this much gzipped: React, the flow and every screen, both string tables. */
const JS_GZ_LIMIT_KB = 150;
/** Against the blank page: the kiosk's first paint may take half again the platform's floor, no more. */
const PAINT_LIMIT_RATIO = 1.5;
const repo = fileURLToPath(new URL('../..', import.meta.url));
const blankRoot = join(repo, 'test/bench/blank-page');

/** Vite's own command, as `npm run build:renderer` runs it: the config is loaded the way the real build loads it. */
const viteBuild = (root: string, config: string, outDir: string): void => {
  const run = spawnSync(
    process.execPath,
    [
      join(repo, 'node_modules/vite/bin/vite.js'),
      'build',
      root,
      '--config',
      config,
      '--outDir',
      outDir,
      '--logLevel',
      'warn',
    ],
    // The config files are TypeScript in a CommonJS package, which Vite's bundling loader handles; its notice says so.
    { cwd: repo, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } },
  );
  if (run.status !== 0) throw new Error(`vite build of ${root} failed`);
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );

const weigh = (dir: string): { jsGz: number; cssGz: number; fonts: number } => {
  let jsGz = 0;
  let cssGz = 0;
  let fonts = 0;
  for (const file of filesUnder(dir)) {
    if (file.endsWith('.js')) jsGz += gzipSync(readFileSync(file), { level: 9 }).length;
    else if (file.endsWith('.css')) cssGz += gzipSync(readFileSync(file), { level: 9 }).length;
    else if (file.endsWith('.woff2')) fonts += statSync(file).size;
  }
  return { jsGz, cssGz, fonts };
};

/** What the preload gives the window, reduced to what the first screen asks: the state, and events. */
const readyKiosk = `
  window.kiosk = {
    getState: () => Promise.resolve({ ok: true, value: {
      mode: 'live', phase: 'ready', machineName: 'Bench machine', language: 'en', board: 'connected',
      entryLockedUntil: null, demoCodes: [], idleTimeoutSeconds: 60 } }),
    on: () => () => undefined,
  };`;

/** The page's first contentful paint, now or when it comes. */
const paintProbe = `new Promise((resolve) => {
  const take = (list) => {
    const entry = list.find((e) => e.name === 'first-contentful-paint');
    if (entry) resolve(entry.startTime);
    return entry !== undefined;
  };
  if (!take(performance.getEntriesByType('paint')))
    new PerformanceObserver((l) => take(l.getEntries())).observe({ type: 'paint', buffered: true });
})`;

const firstPaint = async (browser: Browser, url: string, kiosk: boolean): Promise<number> => {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 1 });
  if (kiosk) await context.addInitScript({ content: readyKiosk });
  const page = await context.newPage();
  await page.goto(url);
  // Evaluated as page source: the paint timeline is the browser's DOM API, which this Node-typed file lacks.
  const fcp = Number(await page.evaluate(paintProbe));
  await context.close();
  return fcp;
};

const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const main = async (): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-renderer-'));
  const kioskOut = join(dir, 'kiosk');
  const blankOut = join(dir, 'blank');
  viteBuild(join(repo, 'renderer'), join(repo, 'renderer/vite.config.ts'), kioskOut);
  viteBuild(blankRoot, join(blankRoot, 'vite.config.ts'), blankOut);
  const kioskWeight = weigh(kioskOut);
  const blankWeight = weigh(blankOut);

  const kioskServer = await startStaticServer(kioskOut);
  const blankServer = await startStaticServer(blankOut);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
  const kioskPaints: number[] = [];
  const blankPaints: number[] = [];
  try {
    // One of each unmeasured first: the browser's own first start is not the page's cost.
    await firstPaint(browser, `${blankServer.origin}/`, false);
    await firstPaint(browser, `${kioskServer.origin}/`, true);
    for (let i = 0; i < runs; i++) {
      blankPaints.push(await firstPaint(browser, `${blankServer.origin}/`, false));
      kioskPaints.push(await firstPaint(browser, `${kioskServer.origin}/`, true));
    }
  } finally {
    await browser.close();
    await kioskServer.close();
    await blankServer.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const paintRatio = median(kioskPaints) / median(blankPaints);
  const rows = [
    {
      figure: 'renderer JS gz (blank Vite + React page beside it)',
      measured: `${kb(kioskWeight.jsGz)} (blank ${kb(blankWeight.jsGz)})`,
      limit: `${JS_GZ_LIMIT_KB} KB`,
      ratio: kioskWeight.jsGz / 1024 / JS_GZ_LIMIT_KB,
    },
    {
      figure: 'renderer first paint, median (entry screen; blank page beside it)',
      measured: `${median(kioskPaints).toFixed(0)} ms (blank ${median(blankPaints).toFixed(0)} ms, ${paintRatio.toFixed(2)}×)`,
      limit: `${PAINT_LIMIT_RATIO}× the blank page`,
      ratio: paintRatio / PAINT_LIMIT_RATIO,
    },
  ];
  console.log(`renderer: ${runs} loads of each, alternating, 1080×1920, Chromium ${browser.version()}`);
  console.log(
    `  CSS gz ${kb(kioskWeight.cssGz)} (blank ${kb(blankWeight.cssGz)}); fonts ${kb(kioskWeight.fonts)} of woff2 (not JS: fetched only when a screen uses them)`,
  );
  for (const r of rows) console.log(`  ${r.figure}: ${r.measured}, limit ${r.limit} (${r.ratio.toFixed(2)})`);
  reportRows('renderer', rows);
};

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
