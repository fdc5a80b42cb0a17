import { scryptSync } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { hashPin, PIN_SCRYPT, verifyPin } from '../../electron/core/security/pin-hash';

/**
 * What the maintenance PIN's scrypt cost means on this machine: how long the right PIN takes to open the
 * screen, and how long an offline search of every PIN would take here with one hash per core. Run with
 * `npx tsx test/bench/pin-scrypt.ts`.
 */
const RUNS = 7;
const salt = Buffer.alloc(16, 1);

const stats = (ms: number[]): { median: number; max: number } => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
};

const timeSync = (log2N: number): { median: number; max: number } => {
  const options = { N: 2 ** log2N, r: PIN_SCRYPT.r, p: PIN_SCRYPT.p, maxmem: 2 ** (log2N + 11) };
  scryptSync('246810', salt, 32, options);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    scryptSync('246810', salt, 32, options);
    ms.push(performance.now() - t0);
  }
  return stats(ms);
};

const hours = (perHashMs: number, pins: number, cores: number): string =>
  `${((perHashMs * pins) / cores / 3_600_000).toFixed(1)} h`;

const main = async (): Promise<void> => {
  const cores = availableParallelism();
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, node ${process.version}`);
  console.log(`scrypt r=${PIN_SCRYPT.r} p=${PIN_SCRYPT.p}, ${RUNS} runs each (synchronous, one core):`);
  const perCost = new Map<number, number>();
  for (const log2N of [14, 15, 16, 17]) {
    const { median, max } = timeSync(log2N);
    perCost.set(log2N, median);
    const mib = (128 * PIN_SCRYPT.r * 2 ** log2N) / 2 ** 20;
    console.log(`  N=2^${log2N} (${mib} MiB): median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms`);
  }

  const hash = hashPin('246810', salt);
  const verify: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    if (!(await verifyPin('246810', hash))) throw new Error('the right PIN did not verify');
    verify.push(performance.now() - t0);
  }
  const v = stats(verify);
  console.log(
    `verifyPin at the shipped cost (N=2^${PIN_SCRYPT.log2N}), right PIN: median ${v.median.toFixed(1)} ms, max ${v.max.toFixed(1)} ms`,
  );

  const shipped = perCost.get(PIN_SCRYPT.log2N) ?? v.median;
  const earlier = perCost.get(14) ?? 0;
  console.log(`offline search of every PIN, one hash per core on this machine (${cores} cores):`);
  console.log(`  shipped cost, 6 digits (10^6): ${hours(shipped, 1e6, cores)} (half that on average)`);
  console.log(`  shipped cost, 8 digits (10^8): ${hours(shipped, 1e8, cores)}`);
  console.log(`  earlier cost N=2^14, 4 digits (10^4): ${((earlier * 1e4) / cores / 60_000).toFixed(1)} min`);
};

void main();
