/**
 * Time from launch to the kiosk's "starting" screen, for the built app under the Electron stand-in, beside a blank
 * app that shows an empty window as soon as it can (the platform's floor on this machine). Also: how long the
 * kiosk's own code takes between `ready` and creating its window, against a 100 ms budget, and how long the core
 * then takes to be ready. Figures only, never asserted.
 *   npx tsx test/bench/app-start.ts [--runs 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppFolder, bundlePreloadWorld, repoRoot } from '../built-app/build-app';
import { launchBuiltApp, type RunningApp } from '../built-app/launch-app';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3);
const OWN_CODE_BUDGET_MS = 100;
const SCREEN_LIMIT_MS = 1000;

const waitForEvent = async (app: RunningApp, event: string): Promise<number> => {
  for (let i = 0; i < 600; i += 1) {
    const found = app.events().find((e) => e.event === event);
    if (found !== undefined) return found.t;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no ${event}`);
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const measure = async (main: string, preloadWorld: string, dir: string) => {
  const app = await launchBuiltApp({ main, dir, preloadWorld });
  try {
    const shown = await waitForEvent(app, 'window.shown');
    const ready = await waitForEvent(app, 'app.ready');
    const created = await waitForEvent(app, 'window.created');
    let coreReady = NaN;
    for (let i = 0; i < 400 && Number.isNaN(coreReady); i += 1) {
      const line = app.logs().find((l) => l.event === 'core.ready');
      if (line !== undefined) coreReady = Date.parse(line.t);
      else await new Promise((r) => setTimeout(r, 25));
    }
    return { shown: shown - app.launchedAt, own: created - ready, core: coreReady - app.launchedAt };
  } finally {
    await app.close();
  }
};

const main = async (): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-start-'));
  try {
    const [built, preloadWorld] = await Promise.all([buildAppFolder(dir), bundlePreloadWorld(dir)]);
    const blank = join(repoRoot, 'test/bench/blank-app/main.ts');
    const kiosk: Awaited<ReturnType<typeof measure>>[] = [];
    const floor: Awaited<ReturnType<typeof measure>>[] = [];
    for (let i = 0; i < runs; i += 1) {
      // Side by side, alternating, so both see the same machine load.
      kiosk.push(await measure(built.main, preloadWorld, join(dir, `kiosk-${i}`)));
      floor.push(
        await measure(blank, preloadWorld, join(dir, `blank-${i}`)).catch(() => ({
          shown: NaN,
          own: NaN,
          core: NaN,
        })),
      );
    }
    const k = median(kiosk.map((r) => r.shown));
    const b = median(floor.map((r) => r.shown));
    const own = median(kiosk.map((r) => r.own));
    console.log(`app start under the Electron stand-in (median of ${runs}, demo mode):`);
    console.log(
      `  launch → "starting" on screen: kiosk ${k} ms, blank window ${b} ms: ratio ${(k / b).toFixed(2)} against the platform floor`,
    );
    console.log(
      `  the kiosk's own code from ready to window: ${own} ms: ${(own / OWN_CODE_BUDGET_MS).toFixed(2)} of its ${OWN_CODE_BUDGET_MS} ms budget`,
    );
    console.log(
      `  launch → screen minus the floor: ${k - b} ms: ${((k - b) / SCREEN_LIMIT_MS).toFixed(2)} of the ${SCREEN_LIMIT_MS} ms limit`,
    );
    console.log(`  launch → core ready (demo): ${median(kiosk.map((r) => r.core))} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

void main();
