import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Two linked pseudo-terminals: the kiosk opens one end, the board simulator the other. */
export type PtyPair = {
  readonly dir: string;
  readonly kiosk: string;
  readonly board: string;
  stop(): Promise<void>;
};

export const socatInstalled = (): boolean => spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;

const waitForPaths = async (
  paths: readonly string[],
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> => {
  const started = Date.now();
  while (!paths.every((p) => existsSync(p))) {
    if (child.exitCode !== null) throw new Error(`socat exited early with code ${child.exitCode}`);
    if (Date.now() - started > timeoutMs)
      throw new Error(`socat did not create ${paths.join(', ')} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Starts `socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B` in a fresh temp dir. */
export const startPtyPair = async (options: { dir?: string } = {}): Promise<PtyPair> => {
  // Reusing a dir re-creates the same paths: the way a USB adapter comes back under its old name.
  const owned = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kiosk-pty-'));
  const kiosk = join(dir, 'ttyKiosk');
  const board = join(dir, 'ttyBoard');
  const child = spawn('socat', [`pty,raw,echo=0,link=${kiosk}`, `pty,raw,echo=0,link=${board}`], {
    stdio: 'ignore',
  });
  await waitForPaths([kiosk, board], child, 5000);
  return {
    dir,
    kiosk,
    board,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (owned) rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * Whether a socat suite can run here. On a workstation without socat it is skipped with this reason;
 * under CI (`process.env.CI` set) a missing socat must fail the run, never skip silently.
 */
export type SocatRequirement =
  { readonly run: true } | { readonly run: false; readonly fail: boolean; readonly reason: string };

export const socatRequirement = (
  env: NodeJS.ProcessEnv = process.env,
  installed: boolean = socatInstalled(),
): SocatRequirement =>
  installed
    ? { run: true }
    : {
        run: false,
        fail: Boolean(env.CI),
        reason: 'socat is not installed (apt-get install socat); it provides the pseudo-terminal pair',
      };
