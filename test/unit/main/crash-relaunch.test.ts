import type { App } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CRASH_EXIT_CODE,
  crashCountFromArgv,
  DEFAULT_CRASH_POLICY,
  installCrashWatchdog,
  isSupervised,
  restartDelayMs,
  type CrashEventsApp,
} from '../../../electron/main/crash-relaunch';
import { ManualClock } from '../../fakes/manual-clock';
import { MemoryLogger } from '../../fakes/memory-logger';

type RenderListener = (
  event: unknown,
  webContents: unknown,
  details: { reason: string; exitCode: number },
) => void;
type ChildListener = (event: unknown, details: { type: string; reason: string; exitCode: number }) => void;

class FakeCrashApp implements CrashEventsApp {
  private onRender: RenderListener | undefined;
  private onChild: ChildListener | undefined;
  readonly calls: string[] = [];
  relaunchArgs: string[] | undefined;
  on(event: 'render-process-gone', listener: RenderListener): this;
  on(event: 'child-process-gone', listener: ChildListener): this;
  on(event: 'render-process-gone' | 'child-process-gone', listener: RenderListener | ChildListener): this {
    if (event === 'render-process-gone') this.onRender = listener as RenderListener;
    else this.onChild = listener as ChildListener;
    return this;
  }
  relaunch(options?: { args?: string[] }): void {
    this.relaunchArgs = options?.args;
    this.calls.push('relaunch');
  }
  exit(code?: number): void {
    this.calls.push(`exit ${code ?? 0}`);
  }
  rendererGone(reason: string): void {
    this.onRender?.({}, {}, { reason, exitCode: 11 });
  }
  childGone(type: string, reason: string): void {
    this.onChild?.({}, { type, reason, exitCode: 9 });
  }
}

const setup = (argv: string[], supervised = false) => {
  const app = new FakeCrashApp();
  const clock = new ManualClock();
  const logger = new MemoryLogger();
  const watchdog = installCrashWatchdog({ app, clock, logger, argv, supervised });
  return { app, clock, logger, watchdog };
};

describe('crash watchdog', () => {
  it("accepts Electron's app as it is", () => {
    expectTypeOf<App>().toExtend<CrashEventsApp>();
  });

  it('relaunches after a renderer crash, once the first delay has passed', async () => {
    const { app, clock } = setup(['kiosk.exe', '--flag']);
    app.rendererGone('crashed');
    await clock.advance(999);
    expect(app.calls).toEqual([]);
    await clock.advance(1);
    expect(app.calls).toEqual(['relaunch', 'exit 0']);
    expect(app.relaunchArgs).toEqual(['--flag', '--kiosk-crash-count=1']);
  });

  it('backs off after repeated crashes, up to a cap', async () => {
    const { app, clock, watchdog } = setup(['kiosk.exe', '--kiosk-crash-count=3']);
    expect(watchdog.previousCrashes).toBe(3);
    app.rendererGone('oom');
    await clock.advance(7999);
    expect(app.calls).toEqual([]);
    await clock.advance(1);
    expect(app.relaunchArgs).toEqual(['--kiosk-crash-count=4']);
    expect([0, 1, 5, 6, 20].map((n) => restartDelayMs(n, DEFAULT_CRASH_POLICY))).toEqual([
      1000, 2000, 32_000, 60_000, 60_000,
    ]);
  });

  it('forgets earlier crashes after a long healthy run', async () => {
    const { app, clock } = setup(['kiosk.exe', '--kiosk-crash-count=5']);
    await clock.advance(DEFAULT_CRASH_POLICY.stableAfterMs);
    app.rendererGone('crashed');
    await clock.advance(1000);
    expect(app.relaunchArgs).toEqual(['--kiosk-crash-count=1']);
  });

  it('under a supervisor, exits with the restart code instead of starting a second copy', async () => {
    const { app, clock } = setup(['pickup-kiosk'], true);
    app.rendererGone('killed');
    await clock.advance(1000);
    expect(app.calls).toEqual([`exit ${CRASH_EXIT_CODE}`]);
  });

  it('ignores a clean renderer exit and restarts only once for a burst of crashes', async () => {
    const { app, clock, logger } = setup(['kiosk.exe']);
    app.rendererGone('clean-exit');
    await clock.advance(60_000);
    expect(app.calls).toEqual([]);
    app.rendererGone('crashed');
    app.childGone('GPU', 'crashed');
    await clock.advance(60_000);
    expect(app.calls).toEqual(['relaunch', 'exit 0']);
    expect(logger.lines.filter((l) => l.event === 'app.crash-restart')).toHaveLength(1);
  });

  it('restarts for a lost GPU process but only logs other child processes', async () => {
    const { app, clock, logger } = setup(['kiosk.exe']);
    app.childGone('Utility', 'crashed');
    await clock.advance(60_000);
    expect(app.calls).toEqual([]);
    expect(logger.has('app.child-process-gone')).toBe(true);
    app.childGone('GPU', 'launch-failed');
    await clock.advance(1000);
    expect(app.calls).toEqual(['relaunch', 'exit 0']);
  });

  it('reads the crash count defensively', () => {
    expect(crashCountFromArgv(['x'])).toBe(0);
    expect(crashCountFromArgv(['x', '--kiosk-crash-count=abc'])).toBe(0);
    expect(crashCountFromArgv(['x', '--kiosk-crash-count=-2'])).toBe(0);
    expect(crashCountFromArgv(['x', '--kiosk-crash-count=2'])).toBe(2);
  });

  it('knows when systemd or the autostart loop supervises it', () => {
    expect(isSupervised({ INVOCATION_ID: 'abc' })).toBe(true);
    expect(isSupervised({ PICKUP_KIOSK_SUPERVISED: '1' })).toBe(true);
    expect(isSupervised({})).toBe(false);
  });
});
