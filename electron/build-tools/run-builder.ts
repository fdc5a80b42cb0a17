import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Configuration } from 'electron-builder';
import { err, ok, type Result } from '../contract/result';
import type { BuildArch, BuildTarget } from './builder-config';
import { BUILDER_EXIT, builderReplySchema, type BuilderReply, type BuilderRequest } from './builder-messages';
import { SECRET_ENV_NAMES } from './credentials-from-env';

const CHILD = join(__dirname, 'builder-child.ts');
/** The child is TypeScript like kioskctl itself; tsx's loader, resolved from here rather than from the cwd. */
const TSX_LOADER = pathToFileURL(createRequire(__filename).resolve('tsx')).href;

const settle = (
  reply: BuilderReply | undefined,
  code: number | null,
  signal: NodeJS.Signals | null,
): Result<string[], string> => {
  const ended = signal !== null ? `signal ${signal}` : `exit code ${String(code)}`;
  if (reply === undefined) return err(`the build process ended without a result (${ended})`);
  if (!reply.ok) return err(reply.error);
  if (code !== BUILDER_EXIT.built) return err(`the build process reported success but ended with ${ended}`);
  return ok(reply.value);
};

/** electron-builder needs none of the credentials (vendor ones, the alert key) a build may have in its environment. */
const withoutCredentials = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const names = new Set<string>(SECRET_ENV_NAMES);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.has(name)));
};

/** JSON over IPC would drop a function silently; a hook in the configuration must fail loudly instead. */
const holdsFunction = (value: unknown): boolean =>
  typeof value === 'function' ||
  (typeof value === 'object' && value !== null && Object.values(value).some(holdsFunction));

/**
 * Runs electron-builder for one target and architecture in a process of its own (builder-child.ts).
 *
 * Why not in kioskctl's process: when electron-builder makes its first temporary folder, temp-file (3.4,
 * `getBaseTempDir` → `addExitHook`) registers a cleanup with async-exit-hook (2.0), which listens to
 * `beforeExit` with the code 0 and then calls `process.exit(0)`. So once kioskctl's work was done and the event
 * loop ran dry, that call replaced the `process.exitCode` kioskctl had set: a failed build or a failed package
 * check exited 0. Switching the hook off in-process would mean reaching into the internals of a transitive
 * dependency at whatever version electron-builder pulls in next. A child process keeps all of
 * electron-builder's process-wide state (exit and signal hooks, its temp folders, its logger) away from
 * kioskctl, and its answer is trusted only when it came over IPC and the exit code agrees with it.
 */
export const runElectronBuilder = (
  projectDir: string,
  config: Configuration,
  target: BuildTarget,
  arch: BuildArch,
): Promise<Result<string[], string>> => {
  if (holdsFunction(config))
    return Promise.resolve(
      err('the builder configuration holds a function (a hook), which cannot be sent to the build process'),
    );
  const request: BuilderRequest = { projectDir, config: { ...config }, target, arch };
  return new Promise((resolve) => {
    const child = fork(CHILD, [], {
      cwd: projectDir,
      execArgv: ['--import', TSX_LOADER],
      env: withoutCredentials(process.env),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let reply: BuilderReply | undefined;
    child.on('message', (message: unknown) => {
      const parsed = builderReplySchema.safeParse(message);
      if (parsed.success) reply = parsed.data;
    });
    child.once('error', (e) => {
      resolve(err(`cannot start the build process: ${e.message}`));
    });
    // 'close', not 'exit': it comes after the IPC channel has delivered everything the child sent.
    child.once('close', (code, signal) => {
      resolve(settle(reply, code, signal));
    });
    child.send(request);
  });
};
