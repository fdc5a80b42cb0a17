/**
 * Restart to "ready for a code": the real runtime (startRuntime, as the crash test runs it) in its own process,
 * against the simulated cloud over HTTP with 50 ms on every answer and 500 products, and the board simulator
 * process over a pty. A warm restart (the previous run's cache in the database) beside a cold one (an empty data
 * folder, so the full fill is waited for), alternating so both see the same load. The clock runs from spawn to
 * the child's "ready" line, so Node's and the TypeScript loader's start are counted too. Figures only.
 *   npx tsx test/bench/restart.ts [--runs 10] [--products 500] [--latency 50]
 */
import { reportRows } from './bench-report';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { machineConfigSchema } from '../../electron/core/config/schema';
import { simSeedSchema } from '../../electron/sim/cloud/seed-schema';
import { startSimCloud } from '../../electron/sim/cloud/server';
import { startSimBoardProcess } from '../helpers/sim-board-process';
import { socatInstalled, startPtyPair } from '../helpers/socat';

const flag = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const runs = flag('runs', 10);
const productCount = flag('products', 500);
const latencyMs = flag('latency', 50);
const WARM_P95_LIMIT_MS = 2000;

const repoRoot = join(__dirname, '..', '..');
const credentials = { appId: 'crash-appid', appSecret: 'crash-secret', appKey: 'CRASHKEY' };

/** 100 slots per driver board, one cabinet letter per board. */
const boardAddrs = Array.from({ length: Math.ceil(productCount / 100) }, (_, i) => i + 1);
const cabinets = boardAddrs.map((a) => String.fromCharCode(64 + a));
const seed = simSeedSchema.parse({
  machine: { machineNo: '12345678', name: 'Restart bench', cabinets },
  products: Array.from({ length: productCount }, (_, i) => ({
    id: 1 + i,
    name: `Item ${i}`,
    price: '1.00',
    cabinet: cabinets[Math.floor(i / 100)],
    addr: 1 + Math.floor(i / 100),
    slot: i % 100,
    stock: 10,
    capacity: 10,
  })),
  codes: Array.from({ length: productCount }, (_, i) => ({
    id: 1 + i,
    code: String(40_000_000 + i * 7919),
    productId: 1 + i,
  })),
});

/** Spawns the kiosk process; answers the milliseconds from spawn to "ready", after the process has exited. */
const restartOnce = async (env: Record<string, string>): Promise<number> => {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/crash/kiosk-child.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let ready = NaN;
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (Number.isNaN(ready) && line.includes('"event":"ready"')) ready = performance.now() - started;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0 || Number.isNaN(ready)) throw new Error(`kiosk process exited ${String(code)}: ${stderr}`);
  return ready;
};

const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

const main = async (): Promise<void> => {
  if (!socatInstalled()) throw new Error('the restart bench needs socat (apt install socat) for its pty');
  const work = mkdtempSync(join(tmpdir(), 'kiosk-bench-restart-'));
  const cloud = await startSimCloud({ seed, credentials, faults: { latencyMs } });
  const pty = await startPtyPair();
  const boardConfig = join(work, 'board.json');
  writeFileSync(
    boardConfig,
    JSON.stringify({ boards: boardAddrs.map((addr) => ({ addr, dropSensor: true })), replyDelayMs: 2 }),
  );
  const board = await startSimBoardProcess({
    port: pty.board,
    configPath: boardConfig,
    ledgerPath: join(work, 'ledger.jsonl'),
  });
  const config = machineConfigSchema.parse({
    machineNo: '12345678',
    cloud: { baseUrl: cloud.baseUrl, notifyUrl: `${cloud.baseUrl}/notify` },
    serial: { path: pty.kiosk },
    boards: boardAddrs.map((addr) => ({ addr, dropSensor: true })),
  });
  const env = (dataDir: string): Record<string, string> => ({
    CRASH_CONFIG: JSON.stringify(config),
    CRASH_CODES: '',
    CRASH_DATA_DIR: dataDir,
  });
  try {
    const warmDir = join(work, 'warm');
    // One cold run leaves the cache that every warm restart starts from.
    await restartOnce(env(warmDir));
    const warm: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < runs; i++) {
      warm.push(await restartOnce(env(warmDir)));
      const coldDir = join(work, `cold-${i}`);
      cold.push(await restartOnce(env(coldDir)));
      rmSync(coldDir, { recursive: true, force: true });
    }
    const row = (name: string, xs: readonly number[]): string =>
      `${name.padEnd(34)} p50 ${percentile(xs, 50).toFixed(0).padStart(6)} ms   p95 ${percentile(xs, 95)
        .toFixed(0)
        .padStart(6)} ms`;
    console.log(
      `restart to "ready for a code": ${runs} runs each, ${productCount} products, ${latencyMs} ms per answer`,
    );
    console.log(row('warm (saved cache, refill behind)', warm));
    console.log(row('cold (empty cache, fill first)', cold));
    const p95 = percentile(warm, 95);
    reportRows('restart', [
      {
        figure: 'restart → ready, warm (saved cache) p95',
        measured: `${p95.toFixed(0)} ms`,
        limit: `${WARM_P95_LIMIT_MS} ms`,
        ratio: p95 / WARM_P95_LIMIT_MS,
      },
      {
        figure: 'restart → ready, cold (empty cache) p50',
        measured: `${percentile(cold, 50).toFixed(0)} ms`,
        limit: '—',
        ratio: null,
      },
    ]);
    console.log(
      `warm p95 against its ${WARM_P95_LIMIT_MS} ms limit: ${(p95 / WARM_P95_LIMIT_MS).toFixed(2)}× ` +
        `(${p95 <= WARM_P95_LIMIT_MS ? 'within' : 'OVER'}); warm p50 / cold p50: ${(percentile(warm, 50) / percentile(cold, 50)).toFixed(2)}×`,
    );
  } finally {
    await board.kill();
    await pty.stop();
    await cloud.close();
    rmSync(work, { recursive: true, force: true });
  }
};

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
