import { appendFileSync } from 'node:fs';

/** One figure against its limit. `ratio`: measured ÷ limit (≤ 1 is within), or null where the figure has none. */
export type BenchRow = {
  readonly figure: string;
  readonly measured: string;
  readonly limit: string;
  readonly ratio: number | null;
};

/** Where `test/bench/all.ts` collects the rows of every bench it runs, one JSON line each. */
export const BENCH_ROWS_ENV = 'KIOSK_BENCH_ROWS';

/**
 * Hands a bench's figures to the runner that prints them as one table. Run alone, a bench prints its own lines as
 * before and this does nothing.
 */
export const reportRows = (group: string, rows: readonly BenchRow[]): void => {
  const file = process.env[BENCH_ROWS_ENV];
  if (file === undefined || file === '') return;
  appendFileSync(file, rows.map((r) => `${JSON.stringify({ group, ...r })}\n`).join(''));
};
