import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as connectTcp, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const mosquittoPath = '/usr/sbin/mosquitto';

/** A real mosquitto on 127.0.0.1 with persistence on: a restart keeps persistent sessions and queued QoS 1. */
export type Mosquitto = {
  readonly url: string;
  readonly port: number;
  restart(): Promise<void>;
  /** The broker goes away (persistence written) until `resume()`, on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
};

export const mosquittoInstalled = (): boolean => {
  try {
    accessSync(mosquittoPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => {
        resolve(port);
      });
    });
  });

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });

const waitForPort = async (port: number, child: ChildProcess, log: () => string): Promise<void> => {
  const started = Date.now();
  while (!(await accepts(port))) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited with code ${child.exitCode}: ${log()}`);
    if (Date.now() - started > 5000) throw new Error(`mosquitto did not listen on ${port} in 5 s: ${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

const stopChild = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // Waiting for exit matters: mosquitto writes its persistence file on the way out.
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
};

/** Starts `/usr/sbin/mosquitto -c <temp conf>`; port 0 or absent picks a free one, kept across restarts. */
export const startMosquitto = async (options: { port?: number } = {}): Promise<Mosquitto> => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-mosquitto-'));
  const port = options.port !== undefined && options.port !== 0 ? options.port : await freePort();
  const conf = join(dir, 'mosquitto.conf');
  // As root mosquitto would switch to the `mosquitto` user, which cannot write our temp dir: stay who we are.
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence true',
      `persistence_location ${dir}/`,
      `user ${userInfo().username}`,
      'log_dest stderr',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | null = null;
  const launch = async (): Promise<void> => {
    let log = '';
    const started = spawn(mosquittoPath, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    started.stderr.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-2000);
    });
    child = started;
    try {
      await waitForPort(port, started, () => log.trim());
    } catch (error) {
      await stopChild(started);
      throw error;
    }
  };
  const halt = async (): Promise<void> => {
    if (child) await stopChild(child);
  };
  try {
    await launch();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    async restart() {
      await halt();
      await launch();
    },
    pause: halt,
    resume: launch,
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type MosquittoRequirement =
  { readonly run: true } | { readonly run: false; readonly fail: boolean; readonly reason: string };

/** As for socat: skipped with the reason on a workstation, but under CI a missing mosquitto fails the run. */
export const mosquittoRequirement = (
  env: NodeJS.ProcessEnv = process.env,
  installed: boolean = mosquittoInstalled(),
): MosquittoRequirement =>
  installed
    ? { run: true }
    : {
        run: false,
        fail: Boolean(env.CI),
        reason: `mosquitto is not installed at ${mosquittoPath} (apt-get install mosquitto); it is the real broker`,
      };
