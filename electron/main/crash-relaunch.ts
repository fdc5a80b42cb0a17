import type { Clock } from '../core/ports/clock';
import type { Logger } from '../core/ports/logger';

/**
 * Restart after a crash. A kiosk whose window died shows nothing to the customer and has nobody to click
 * "reload", so the whole app starts again from a known state. Electron's `app` satisfies `CrashEventsApp`.
 */
export interface CrashEventsApp {
  on(
    event: 'render-process-gone',
    listener: (event: unknown, webContents: unknown, details: { reason: string; exitCode: number }) => void,
  ): unknown;
  on(
    event: 'child-process-gone',
    listener: (event: unknown, details: { type: string; reason: string; exitCode: number }) => void,
  ): unknown;
  relaunch(options?: { args?: string[] }): void;
  exit(exitCode?: number): void;
}

export type CrashPolicy = {
  /** Wait before the first restart; doubles with each crash that comes soon after a start. */
  readonly baseDelayMs: number;
  /** The cap: a machine that keeps crashing retries at this pace, forever, instead of spinning. */
  readonly maxDelayMs: number;
  /** A run at least this long counts as healthy and resets the backoff. */
  readonly stableAfterMs: number;
};

export const DEFAULT_CRASH_POLICY: CrashPolicy = {
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  stableAfterMs: 10 * 60_000,
};

/** Carries the crash count across a relaunch, since the new process remembers nothing else. */
export const CRASH_COUNT_FLAG = '--kiosk-crash-count';
/** Exit code for "restart me" when a supervisor (systemd, the autostart loop) does the restarting. */
export const CRASH_EXIT_CODE = 75;

export const crashCountFromArgv = (argv: readonly string[]): number => {
  const arg = argv.find((a) => a.startsWith(`${CRASH_COUNT_FLAG}=`));
  const n = arg === undefined ? 0 : Number(arg.slice(CRASH_COUNT_FLAG.length + 1));
  return Number.isInteger(n) && n > 0 ? n : 0;
};

export const restartDelayMs = (previousCrashes: number, policy: CrashPolicy): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(previousCrashes, 30));

export type CrashWatchdogOptions = {
  readonly app: CrashEventsApp;
  readonly clock: Clock;
  readonly logger: Logger;
  /** `process.argv`: the relaunch repeats it, with the crash count updated. */
  readonly argv: readonly string[];
  /** True under systemd (`INVOCATION_ID` set) or the autostart loop: exit and let it restart us, never spawn a second copy. */
  readonly supervised: boolean;
  readonly policy?: CrashPolicy;
};

/**
 * Ends this process so that a fresh one starts: under a supervisor by exiting with the code it restarts, alone
 * by relaunching with the crash count carried on the command line.
 */
export const restartApp = (
  options: Pick<CrashWatchdogOptions, 'app' | 'argv' | 'supervised'>,
  crashCount: number,
): void => {
  if (options.supervised) {
    options.app.exit(CRASH_EXIT_CODE);
    return;
  }
  const args = options.argv.slice(1).filter((a) => !a.startsWith(`${CRASH_COUNT_FLAG}=`));
  options.app.relaunch({ args: [...args, `${CRASH_COUNT_FLAG}=${crashCount}`] });
  options.app.exit(0);
};

/** Reasons a process ends that are not a crash: the app itself closed it. */
const isCleanExit = (reason: string): boolean => reason === 'clean-exit';

export const installCrashWatchdog = (options: CrashWatchdogOptions): { readonly previousCrashes: number } => {
  const policy = options.policy ?? DEFAULT_CRASH_POLICY;
  const startedAt = options.clock.now();
  const previousCrashes = crashCountFromArgv(options.argv);
  let restarting = false;

  const restart = (what: string, reason: string, exitCode: number): void => {
    if (restarting) return;
    restarting = true;
    const recent = options.clock.now() - startedAt < policy.stableAfterMs ? previousCrashes : 0;
    const delayMs = restartDelayMs(recent, policy);
    options.logger.error('app.crash-restart', {
      process: what,
      reason,
      exitCode,
      delayMs,
      crashesInARow: recent + 1,
    });
    options.clock.setTimer(delayMs, () => {
      restartApp(options, recent + 1);
    });
  };

  options.app.on('render-process-gone', (_event, _contents, details) => {
    if (!isCleanExit(details.reason)) restart('renderer', details.reason, details.exitCode);
  });
  // Chromium restarts its utility processes itself; a lost GPU process leaves a blank or frozen screen.
  options.app.on('child-process-gone', (_event, details) => {
    if (isCleanExit(details.reason)) return;
    if (details.type === 'GPU') restart('gpu', details.reason, details.exitCode);
    else
      options.logger.warn('app.child-process-gone', {
        process: details.type,
        reason: details.reason,
        exitCode: details.exitCode,
      });
  });
  return { previousCrashes };
};

/** systemd sets INVOCATION_ID for every service it runs; the XDG autostart loop sets PICKUP_KIOSK_SUPERVISED=1. */
export const isSupervised = (env: Readonly<Record<string, string | undefined>>): boolean =>
  Boolean(env.INVOCATION_ID) || env.PICKUP_KIOSK_SUPERVISED === '1';
