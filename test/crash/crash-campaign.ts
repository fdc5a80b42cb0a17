import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { machineConfigSchema } from '../../electron/core/config/schema';
import { simSeedSchema } from '../../electron/sim/cloud/seed-schema';
import { startSimCloud } from '../../electron/sim/cloud/server';
import { startSimBoardProcess } from '../helpers/sim-board-process';
import { startPtyPair } from '../helpers/socat';
import { checkInvariants, type CampaignFindings } from './invariants';

const repoRoot = join(__dirname, '..', '..');
const credentials = { appId: 'crash-appid', appSecret: 'crash-secret', appKey: 'CRASHKEY' };

export type CampaignOptions = {
  /** Kills that must land on a running kiosk; keep `codes` (at most 200) large enough to give them work. */
  readonly kills: number;
  readonly codes: number;
  readonly seed: number;
  readonly maxKillDelayMs: number;
  /** Every n-th kill is a power cut: the board simulator dies with the kiosk (its status resets) and the machine's boot time moves. */
  readonly powerCutEvery?: number;
};

export type CampaignReport = CampaignFindings & {
  readonly killsSurvived: number;
  readonly powerCuts: number;
  readonly runs: number;
  readonly millis: number;
};

const lcg = (seed: number) => {
  let s = seed >>> 0;
  return (): number => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
};

/**
 * One slot and one code per product, quantity 1–3, so items dropped per slot are items dropped per code.
 * Up to 200 codes: slots 0–99 on board 1, then board 2.
 */
const crashSeed = (count: number, random: () => number) =>
  simSeedSchema.parse({
    machine: { machineNo: '12345678', name: 'Crash test machine', cabinets: ['A'] },
    products: Array.from({ length: count }, (_, i) => ({
      id: 500 + i,
      name: `Item ${i}`,
      price: '1.00',
      cabinet: 'A',
      addr: 1 + Math.floor(i / 100),
      slot: i % 100,
      stock: 10,
      capacity: 10,
    })),
    codes: Array.from({ length: count }, (_, i) => ({
      id: 7000 + i,
      code: String(31_000_000 + i * 7919),
      productId: 500 + i,
      quantity: 1 + Math.floor(random() * 3),
    })),
  });

const readyTimeoutMs = 30_000;
const finalTimeoutMs = 120_000;

/** Whether `promise` settles within `ms`; a run that hangs is a finding, not a test that never ends. */
const within = async (promise: Promise<unknown>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const settled = await Promise.race([
    promise.then(() => true),
    new Promise<boolean>(
      (resolve) =>
        (timer = setTimeout(() => {
          resolve(false);
        }, ms)),
    ),
  ]);
  clearTimeout(timer);
  return settled;
};

type Child = {
  killed: boolean;
  done: Promise<string>;
  kill(): void;
  running(): boolean;
  ready: Promise<void>;
};

/** Codes whose customer got an outcome: they walk away and do not type their code again. */
const answered = new Set<string>();

const startChild = (env: Record<string, string>): Child => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/crash/kiosk-child.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  let last = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    last = line;
    if (line.includes('"event":"ready"')) resolveReady();
    if (line.includes('"event":"result"')) {
      const event = JSON.parse(line) as { code: string; result: { ok: boolean; value?: { owed: number } } };
      // Told items are still owed, the customer types the code again on the next visit.
      if (event.result.ok && (event.result.value?.owed ?? 0) === 0) answered.add(event.code);
    }
  });
  const handle: Child = {
    killed: false,
    ready,
    done: new Promise((resolve, reject) => {
      child.once('exit', (code, signal) => {
        resolveReady();
        if (signal === 'SIGKILL' || code === 0) resolve(last);
        else reject(new Error(`kiosk child exited ${code ?? signal}: ${stderr}`));
      });
    }),
    running: () => child.exitCode === null && child.signalCode === null,
    kill() {
      if (child.exitCode === null && child.signalCode === null) {
        handle.killed = true;
        child.kill('SIGKILL');
      }
    },
  };
  return handle;
};

/**
 * Runs the kiosk core in a child process against the simulated cloud (HTTP, in this process) and the board
 * simulator process (pty, with its on-disk physical ledger), SIGKILLs the core at random moments across many
 * redemptions, restarts it, and finally lets it finish. Then checks the invariants against the ground truth.
 */
export const runCrashCampaign = async (options: CampaignOptions): Promise<CampaignReport> => {
  const started = Date.now();
  const random = lcg(options.seed);
  const work = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
  const seed = crashSeed(options.codes, random);
  const cloud = await startSimCloud({ seed, credentials });
  const pty = await startPtyPair();
  const boardConfig = join(work, 'board.json');
  writeFileSync(
    boardConfig,
    JSON.stringify({
      boards: [
        { addr: 1, dropSensor: true },
        { addr: 2, dropSensor: true },
      ],
      motorMs: { spring: 150 },
      replyDelayMs: 2,
    }),
  );
  const ledgerPath = join(work, 'ledger.jsonl');
  const startBoard = () => startSimBoardProcess({ port: pty.board, configPath: boardConfig, ledgerPath });
  let board = await startBoard();
  const config = machineConfigSchema.parse({
    machineNo: '12345678',
    cloud: {
      baseUrl: cloud.baseUrl,
      notifyUrl: `${cloud.baseUrl}/notify`,
      refreshOnMissAfterSeconds: 0,
      timeoutMs: 2000,
    },
    serial: { path: pty.kiosk },
    boards: [
      { addr: 1, dropSensor: true },
      { addr: 2, dropSensor: true },
    ],
    // Every run types every code again, so the redeemed ones come back "used", which counts toward the guessing
    // budget: give the campaign room for that, it is not a guesser.
    throttle: { maxWrongCodes: 50, maxWrongCodesPerHour: 1000, maxWrongCodesPerDay: 10_000 },
  });
  const env: Record<string, string> = {
    CRASH_CONFIG: JSON.stringify(config),
    CRASH_CODES: seed.codes.map((c) => c.code).join(','),
    CRASH_DATA_DIR: work,
  };
  answered.clear();
  const waiting = (): string =>
    seed.codes
      .map((c) => c.code)
      .filter((c) => !answered.has(c))
      .join(',');
  let killsSurvived = 0;
  let powerCuts = 0;
  let runs = 0;
  const powerCutEvery = options.powerCutEvery ?? 3;
  try {
    // A kill only counts when it interrupted a running kiosk; stop once enough did, or the work ran out.
    while (killsSurvived < options.kills && runs < options.kills * 3) {
      // A customer who got their item walks away; one whose visit a crash cut short types the code again.
      env.CRASH_CODES = waiting();
      const child = startChild(env);
      runs++;
      if (!(await within(child.ready, readyTimeoutMs))) {
        child.kill();
        throw new Error(`run ${runs} did not become ready within ${readyTimeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * options.maxKillDelayMs)));
      const powerCut = child.running() && killsSurvived % powerCutEvery === powerCutEvery - 1;
      // A power cut takes the board down in the same instant: its motor stops and its status resets to idle.
      if (powerCut) await board.kill();
      child.kill();
      await child.done;
      if (powerCut) {
        board = await startBoard();
        env.CRASH_BOOTED_AT = String(Date.now());
        powerCuts++;
      }
      if (child.killed) killsSurvived++;
    }
    env.CRASH_CODES = waiting();
    const last = startChild(env);
    runs++;
    if (!(await within(last.done, finalTimeoutMs))) {
      last.kill();
      throw new Error(`the final run did not finish within ${finalTimeoutMs} ms`);
    }
    const final = await last.done;
    if (!final.includes('"event":"done"')) throw new Error(`the final run did not finish: ${final}`);
    const findings = checkInvariants({
      dbPath: join(work, 'kiosk.db'),
      ledgerPath,
      seed,
      cloud: cloud.state,
    });
    return { ...findings, killsSurvived, powerCuts, runs, millis: Date.now() - started };
  } finally {
    await board.kill();
    await pty.stop();
    await cloud.close();
    rmSync(work, { recursive: true, force: true });
  }
};
