import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const repoRoot = join(__dirname, '..', '..');
const controlAnswers = new Set(['fault-armed', 'faults-cleared', 'state', 'quitting', 'control-error']);
export type SimLine = Record<string, unknown> & { readonly event?: string };

/** The board simulator as its own process (`kioskctl sim board`), with its JSON-line events collected. */
export type SimBoardProcess = {
  readonly lines: SimLine[];
  send(command: object): void;
  /** Sends a control line and waits for its answer (the next control event after it). */
  control(command: object): Promise<SimLine>;
  /** Waits for a line matching `match`, looking only at lines from index `from` on. */
  waitFor(match: (line: SimLine) => boolean, timeoutMs?: number, from?: number): Promise<SimLine>;
  /** Dispense commands the simulator received since line index `from`: the wire's own testimony. */
  dispensesSince(from: number): number;
  /** SIGKILL: the unplug and crash tests want no goodbye. */
  kill(): Promise<void>;
};

export const startSimBoardProcess = async (args: {
  readonly port: string;
  readonly configPath?: string;
  readonly ledgerPath?: string;
}): Promise<SimBoardProcess> => {
  // One node process (no tsx wrapper process), so SIGKILL really removes whoever holds the port.
  const argv = [
    '--import',
    'tsx',
    join(repoRoot, 'electron/cli/main.ts'),
    'sim',
    'board',
    '--port',
    args.port,
  ];
  if (args.configPath) argv.push('--config', args.configPath);
  if (args.ledgerPath) argv.push('--ledger', args.ledgerPath);
  const child: ChildProcess = spawn(process.execPath, argv, {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: SimLine[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        lines.push(JSON.parse(line) as SimLine);
      } catch {
        lines.push({ event: 'text', text: line });
      }
      for (const w of waiters) w();
    });
  }
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  const proc: SimBoardProcess = {
    lines,
    send(command) {
      child.stdin?.write(`${JSON.stringify(command)}\n`);
    },
    control(command) {
      const from = lines.length;
      proc.send(command);
      return proc.waitFor((l) => controlAnswers.has(l.event ?? ''), 5000, from);
    },
    dispensesSince: (from) =>
      lines.slice(from).filter((l) => l.event === 'request' && l.op === 'dispense').length,
    waitFor(match, timeoutMs = 10_000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = lines.slice(from).find(match);
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`simulator line not seen in ${timeoutMs} ms; stderr: ${stderr.slice(0, 500)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  await proc.waitFor((l) => l.event === 'ready', 20_000);
  return proc;
};
