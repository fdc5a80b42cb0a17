/**
 * Time from launch to the kiosk's "starting" screen, for the built app under the Electron stand-in, beside a blank
 * app that shows an empty window as soon as it can (the platform's floor on this machine). Also: how long the
 * kiosk's own code takes between `ready` and creating its window, against a 100 ms budget, and how long the core
 * then takes to be ready. Figures only, never asserted.
 *   npx tsx test/bench/app-start.ts [--runs 5]
 */
import { reportRows } from './bench-report';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppFolder, bundlePreloadWorld, repoRoot } from '../built-app/build-app';
import { launchBuiltApp, type RunningApp } from '../built-app/launch-app';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag === -1 ? 5 : Number(process.argv[runsFlag + 1]);
const OWN_CODE_BUDGET_MS = 100;
const SCREEN_LIMIT_MS = 1000;

type Run = { shown: number; ready: number; own: number; core: number };

const poll = async <T>(probe: () => T | undefined, tries: number): Promise<T | undefined> => {
  for (let i = 0; i < tries; i += 1) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  return undefined;
};
const eventTime = async (app: RunningApp, event: string): Promise<number> => {
  const t = await poll(() => app.events().find((e) => e.event === event)?.t, 1200);
  if (t === undefined) throw new Error(`no ${event}`);
  return t;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const measure = async (main: string, preloadWorld: string, dir: string, kiosk: boolean): Promise<Run> => {
  const app = await launchBuiltApp({ main, dir, preloadWorld });
  try {
    const shown = await eventTime(app, 'window.shown');
    const ready = await eventTime(app, 'app.ready');
    const created = await eventTime(app, 'window.created');
    const coreLine = kiosk
      ? await poll(() => app.logs().find((l) => l.event === 'core.ready'), 1200)
      : undefined;
    const core = coreLine === undefined ? NaN : Date.parse(coreLine.t) - app.launchedAt;
    return { shown: shown - app.launchedAt, ready: ready - app.launchedAt, own: created - ready, core };
  } finally {
    await app.close();
  }
};

const main = async (): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-start-'));
  try {
    const [built, preloadWorld] = await Promise.all([buildAppFolder(dir), bundlePreloadWorld(dir)]);
    const blank = join(repoRoot, 'test/bench/blank-app/main.ts');
    const kiosk: Run[] = [];
    const floor: Run[] = [];
    for (let i = 0; i < runs; i += 1) {
      // Side by side, alternating, so both see the same machine load.
      kiosk.push(await measure(built.main, preloadWorld, join(dir, `kiosk-${i}`), true));
      floor.push(await measure(blank, preloadWorld, join(dir, `blank-${i}`), false));
    }
    const at = (runsOf: Run[], key: keyof Run): number => median(runsOf.map((r) => r[key]));
    const [k, b, kr, br] = [at(kiosk, 'shown'), at(floor, 'shown'), at(kiosk, 'ready'), at(floor, 'ready')];
    const own = at(kiosk, 'own');
    console.log(`app start under the Electron stand-in (median of ${runs}, demo mode):`);
    console.log(
      `  launch → "starting" on screen: kiosk ${k} ms, blank window ${b} ms: ${(k / b).toFixed(2)} × the floor`,
    );
    console.log(`    launch → ready (main loaded, Chromium up): kiosk ${kr} ms, blank ${br} ms`);
    console.log(`    ready → on screen (window, page, first paint): kiosk ${k - kr} ms, blank ${b - br} ms`);
    console.log(
      `  the kiosk's own code, ready → window: ${own} ms: ${(own / OWN_CODE_BUDGET_MS).toFixed(2)} of ${OWN_CODE_BUDGET_MS} ms`,
    );
    console.log(
      `  over the floor: ${k - b} ms: ${((k - b) / SCREEN_LIMIT_MS).toFixed(2)} of the ${SCREEN_LIMIT_MS} ms limit`,
    );
    console.log(`  launch → core ready (demo): ${at(kiosk, 'core')} ms`);
    reportRows('app start', [
      {
        figure: 'launch → "starting" on screen, over a blank window',
        measured: `${k - b} ms (${k} against ${b} ms)`,
        limit: `${SCREEN_LIMIT_MS} ms`,
        ratio: (k - b) / SCREEN_LIMIT_MS,
      },
      {
        figure: "the kiosk's own code, ready → window",
        measured: `${own} ms`,
        limit: `${OWN_CODE_BUDGET_MS} ms`,
        ratio: own / OWN_CODE_BUDGET_MS,
      },
      { figure: 'launch → core ready (demo)', measured: `${at(kiosk, 'core')} ms`, limit: '—', ratio: null },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

void main();
