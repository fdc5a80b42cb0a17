import type { App } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { installLifecycle, type LifecycleApp, type LifecycleProcess } from '../../../electron/main/lifecycle';
import { ManualClock } from '../../fakes/manual-clock';
import { MemoryLogger } from '../../fakes/memory-logger';

/** Electron's app as far as the lifecycle goes: quit() emits a preventable before-quit; exit() ends at once. */
class FakeApp extends EventEmitter implements LifecycleApp {
  exits: number[] = [];
  quitCalls = 0;
  quit(): void {
    this.quitCalls += 1;
    if (this.exits.length > 0) return;
    const decision = { prevented: false };
    this.emit('before-quit', { preventDefault: () => (decision.prevented = true) });
    if (!decision.prevented) this.exits.push(0);
  }
  exit(code = 0): void {
    this.exits.push(code);
  }
}

const setup = (stop: () => Promise<void>) => {
  const app = new FakeApp();
  const proc = new EventEmitter();
  const clock = new ManualClock();
  const logger = new MemoryLogger();
  let restarts = 0;
  installLifecycle({
    app,
    process: proc,
    clock,
    logger: () => logger,
    stop,
    stopTimeoutMs: 10_000,
    restartAfterCrash: () => {
      restarts += 1;
    },
  });
  return { app, proc, clock, logger, restarts: () => restarts };
};

const deferred = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('app lifecycle', () => {
  it("accepts Electron's app and Node's process as they are", () => {
    expectTypeOf<App>().toExtend<LifecycleApp>();
    expectTypeOf<NodeJS.Process>().toExtend<LifecycleProcess>();
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'])(
    'on %s, holds the quit until the kiosk has stopped, then exits 0',
    async (signal) => {
      const stopped = deferred();
      let stops = 0;
      const { app, proc, clock, logger } = setup(() => {
        stops += 1;
        return stopped.promise;
      });
      proc.emit(signal);
      // A second signal while stopping neither stops twice nor lets the quit through.
      proc.emit(signal);
      await clock.advance(1000);
      expect([stops, app.exits]).toEqual([1, []]);
      stopped.resolve();
      await clock.advance(0);
      expect(app.exits).toEqual([0]);
      expect(logger.has('app.signal')).toBe(true);
      expect(logger.has('app.stopped')).toBe(true);
    },
  );

  it('quits through the same stop when the last window closes', async () => {
    let stops = 0;
    const { app, clock } = setup(() => {
      stops += 1;
      return Promise.resolve();
    });
    app.emit('window-all-closed');
    await clock.advance(0);
    expect([stops, app.exits]).toEqual([1, [0]]);
  });

  it('exits anyway when the stop hangs past its bound, and only once', async () => {
    const { app, clock, logger } = setup(() => new Promise<void>(() => undefined));
    app.quit();
    await clock.advance(9_999);
    expect(app.exits).toEqual([]);
    await clock.advance(1);
    expect(app.exits).toEqual([0]);
    expect(logger.has('app.stop-timeout')).toBe(true);
  });

  it('exits after a failed stop, logging it', async () => {
    const { app, clock, logger } = setup(() => Promise.reject(new Error('port busy')));
    app.quit();
    await clock.advance(0);
    expect(app.exits).toEqual([0]);
    expect(logger.lines.find((l) => l.event === 'app.stop-failed')?.fields).toMatchObject({
      message: 'port busy',
    });
  });

  it('restarts on an uncaught exception or an unhandled rejection, once, logging only name and first line', () => {
    const { proc, logger, restarts } = setup(() => Promise.resolve());
    const secretStack = new Error('socket hang up\n    at secret/path.js:1');
    proc.emit('uncaughtException', secretStack);
    proc.emit('unhandledRejection', 'a string');
    expect(restarts()).toBe(1);
    const lines = logger.lines.filter((l) => l.event === 'app.main-error');
    expect(lines.map((l) => l.fields)).toEqual([
      { kind: 'uncaught-exception', error: 'Error', message: 'socket hang up' },
      { kind: 'unhandled-rejection', error: 'non-error', message: 'string' },
    ]);
  });

  it('has a listener for both error events, which is what keeps Electron from showing its error dialog', () => {
    const { proc } = setup(() => Promise.resolve());
    expect(proc.listenerCount('uncaughtException')).toBe(1);
    expect(proc.listenerCount('unhandledRejection')).toBe(1);
  });
});
