/**
 * `npm run bench`: every bench, one after another (never side by side: they would share the 2 cores), then one
 * table of every figure against its limit. The benches print their own detail as they go.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_ROWS_ENV, type BenchRow } from './bench-report';

const benches: readonly (readonly string[])[] = [
  ['test/bench/app-start.ts'],
  ['test/bench/renderer.ts'],
  ['test/bench/restart.ts'],
  ['test/bench/cloud-cache-fill.ts'],
  ['test/bench/board-codec.ts'],
  ['test/bench/redeem-path.ts'],
  ['test/bench/journal-syncs.ts', '20'],
  ['test/bench/live-link.ts'],
  // 10,000 after the warm-up, as the target is stated: about 23 a second through the pty board, so 7 minutes.
  ['test/bench/memory.ts', '10000'],
];

const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
const rowsFile = join(dir, 'rows.jsonl');
let failed = 0;
for (const [script, ...args] of benches) {
  if (script === undefined) continue;
  console.log(`\n== ${script} ${args.join(' ')}`);
  // --expose-gc: the memory bench measures the live heap after a collection, not garbage waiting for one.
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    stdio: 'inherit',
    env: { ...process.env, [BENCH_ROWS_ENV]: rowsFile },
  });
  if (run.status !== 0) {
    failed++;
    console.log(`${script} failed (exit ${String(run.status)})`);
  }
}

type Row = BenchRow & { readonly group: string };
let rows: Row[] = [];
try {
  rows = readFileSync(rowsFile, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Row);
} catch {
  rows = [];
}
rmSync(dir, { recursive: true, force: true });

const verdict = (r: number | null): string => (r === null ? '' : r <= 1 ? 'within' : 'OVER');
console.log('\n| bench | figure | measured | limit | ratio | |');
console.log('|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.group} | ${r.figure} | ${r.measured} | ${r.limit} | ${r.ratio === null ? '—' : r.ratio.toFixed(2)} | ${verdict(r.ratio)} |`,
  );
const over = rows.filter((r) => r.ratio !== null && r.ratio > 1).length;
console.log(`\n${rows.length} figures, ${over} over their limit, ${failed} bench(es) failed to run`);
process.exitCode = failed > 0 ? 1 : 0;
