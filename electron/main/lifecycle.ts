import type { Clock } from '../core/ports/clock';
import type { Logger } from '../core/ports/logger';

/** The slice of Electron's `app` the lifecycle needs; Electron's object satisfies it, tests pass a fake. */
export interface LifecycleApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  quit(): void;
  exit(exitCode?: number): void;
}

/** The slice of Node's `process`: the signals a service manager sends, and the last-resort error events. */
export interface LifecycleProcess {
  on(event: 'SIGTERM' | 'SIGINT' | 'SIGHUP', listener: () => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export type LifecycleOptions = {
  readonly app: LifecycleApp;
  readonly process: LifecycleProcess;
  readonly clock: Clock;
  /** Read at each use: the file logger replaces the early stderr one once the app is ready. */
  readonly logger: () => Logger;
  /** Stops the kiosk: serial port and journal closed. */
  readonly stop: () => Promise<void>;
  /** Below the service's stop timeout (systemd TimeoutStopSec=15), so the stop finishes before a SIGKILL. */
  readonly stopTimeoutMs: number;
  /** After an error in main: what restarts the kiosk (crash-relaunch.ts's restartApp). */
  readonly restartAfterCrash: () => void;
};

export const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/** What went wrong, in a form that cannot carry a secret or a stack: the error's class and the first line. */
const describe = (e: unknown): { error: string; message: string } =>
  e instanceof Error
    ? { error: e.name, message: (e.message.split('\n')[0] ?? '').slice(0, 200) }
    : { error: 'non-error', message: typeof e };

/**
 * The app's whole lifecycle in one place. A quit from anywhere (window closed, a signal from systemd or a
 * terminal, an operator) goes through `before-quit`, which is held until the kiosk has stopped (bounded), then
 * the app exits 0. An error nobody caught in main is logged and the process restarted at once (exit code 75 for
 * the supervisor, or a relaunch): never Electron's modal error dialog on the customer's screen, never a
 * half-working kiosk. The journal needs no stop for that: every write is committed before its side effect.
 */
export const installLifecycle = (options: LifecycleOptions): { readonly isStopping: () => boolean } => {
  const { app, clock } = options;
  let stopping = false;

  app.on('before-quit', (event) => {
    // Held every time until the stop is done: Electron may ask again (a second signal, its own SIGTERM path).
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    const started = clock.now();
    let timedOut = false;
    const cancel = clock.setTimer(options.stopTimeoutMs, () => {
      timedOut = true;
      options.logger().error('app.stop-timeout', { afterMs: options.stopTimeoutMs });
      app.exit(0);
    });
    void options
      .stop()
      .then(
        () => {
          options.logger().info('app.stopped', { tookMs: clock.now() - started });
        },
        (e: unknown) => {
          options.logger().error('app.stop-failed', describe(e));
        },
      )
      .finally(() => {
        cancel();
        if (!timedOut) app.exit(0);
      });
  });
  // A kiosk with no window is of no use to anyone: quit (through before-quit) and let the supervisor start it.
  app.on('window-all-closed', () => {
    app.quit();
  });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    options.process.on(signal, () => {
      options.logger().info('app.signal', { signal });
      app.quit();
    });
  }

  let crashed = false;
  const crash = (kind: string, e: unknown): void => {
    options.logger().error('app.main-error', { kind, ...describe(e) });
    if (crashed) return;
    crashed = true;
    options.restartAfterCrash();
  };
  options.process.on('uncaughtException', (e) => {
    crash('uncaught-exception', e);
  });
  options.process.on('unhandledRejection', (reason) => {
    crash('unhandled-rejection', reason);
  });
  return { isStopping: () => stopping };
};
