import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './build-app';

export type StandinEvent = { readonly t: number; readonly event: string; readonly [field: string]: unknown };
export type AppLogLine = {
  readonly t: string;
  readonly level: string;
  readonly event: string;
  readonly [field: string]: unknown;
};

export type RunningApp = {
  readonly child: ChildProcess;
  readonly userData: string;
  /** Epoch ms just before the process was spawned. */
  readonly launchedAt: number;
  events(): StandinEvent[];
  /** The app's own JSON log lines (its stdout). */
  logs(): AppLogLine[];
  /** The app's window, through the same Chromium over CDP. */
  page(): Promise<Page>;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: string | null }>;
  kill(signal: NodeJS.Signals): void;
  close(): Promise<void>;
};

const waitFor = async <T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

const electronVersion = (): string =>
  (
    JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/**
 * Starts the built main bundle exactly as Electron would start the packaged app (its package.json and out/ in
 * one folder, `isPackaged` true, a resources folder beside it), with `require('electron')` answered by the
 * stand-in. Electron's own log goes to `stdout` as JSON lines, which this collects.
 */
export const launchBuiltApp = async (options: {
  readonly main: string;
  readonly dir: string;
  readonly preloadWorld: string;
  readonly resources?: string;
  readonly userData?: string;
}): Promise<RunningApp> => {
  const userData = options.userData ?? join(options.dir, 'user-data');
  const resources = options.resources ?? join(options.dir, 'resources');
  await mkdir(resources, { recursive: true });
  const eventsFile = join(options.dir, 'standin-events.jsonl');
  let stdout = '';
  const launchedAt = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      join(repoRoot, 'test/electron-standin/register.ts'),
      options.main,
      `--user-data-dir=${userData}`,
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        STANDIN_RESOURCES: resources,
        STANDIN_EVENTS: eventsFile,
        STANDIN_PACKAGED: '1',
        STANDIN_PRELOAD_WORLD: options.preloadWorld,
        STANDIN_ELECTRON_VERSION: electronVersion(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  const events = (): StandinEvent[] =>
    existsSync(eventsFile)
      ? readFileSync(eventsFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as StandinEvent)
      : [];
  const logs = (): AppLogLine[] =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as AppLogLine);
  let browser: Browser | null = null;
  let ended = false;
  void exited.then(() => (ended = true));

  const page = async (): Promise<Page> => {
    const endpoint = await waitFor('Chromium', () => {
      if (ended) throw new Error(`the app exited before its window: ${stderr}`);
      return events().find((e) => e.event === 'chromium.ready')?.cdpEndpoint as string | undefined;
    });
    browser ??= await chromium.connectOverCDP(endpoint);
    const connected = browser;
    return waitFor('the window', () =>
      connected
        .contexts()[0]
        ?.pages()
        .find((p) => p.url().startsWith('http://127.0.0.1:')),
    );
  };

  return {
    child,
    userData,
    launchedAt,
    events,
    logs,
    page,
    exited,
    kill: (signal) => child.kill(signal),
    async close() {
      await browser?.close().catch(() => undefined);
      if (!ended) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
};
