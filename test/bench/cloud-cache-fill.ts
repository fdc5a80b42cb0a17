/**
 * How long a full code-cache fill takes: one pickup-code query per product against the simulated cloud over
 * real HTTP, with 50 ms of latency on every answer, at several concurrency limits.
 *   npx tsx test/bench/cloud-cache-fill.ts [--latency 50] [--limits 1,6,12] [--sizes 10,100,500]
 */
import { reportRows } from './bench-report';
import { createNodeHttpClient } from '../../electron/adapters/node-http';
import { systemClock } from '../../electron/adapters/system-clock';
import { createVendorCloud } from '../../electron/core/cloud/create-vendor-cloud';
import type { Logger } from '../../electron/core/ports/logger';
import { mapWithConcurrency } from '../../electron/core/util/map-with-concurrency';
import { startSimCloud } from '../../electron/sim/cloud/server';
import { benchSeed } from './bench-seed';

const credentials = { appId: 'bench-appid', appSecret: 'bench-secret', appKey: 'BENCHKEY' };
const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const flag = (name: string, fallback: string): number[] => {
  const i = process.argv.indexOf(`--${name}`);
  return (i === -1 ? fallback : (process.argv[i + 1] ?? fallback)).split(',').map(Number);
};

/** `count` products, one code each. */
const seedOf = (count: number) =>
  benchSeed(
    count,
    5,
    Array.from({ length: count }, (_, i) => ({ id: i + 1, code: String(10_000_000 + i), productId: i + 1 })),
  );

const fill = async (size: number, limit: number, latencyMs: number): Promise<number> => {
  const sim = await startSimCloud({ seed: seedOf(size), credentials, faults: { latencyMs } });
  try {
    const cloud = createVendorCloud({
      baseUrl: sim.baseUrl,
      machineNo: '12345678',
      notifyUrl: `${sim.baseUrl}/notify`,
      credentials,
      http: createNodeHttpClient(),
      clock: systemClock,
      logger: quiet,
    });
    const products = await cloud.listProducts();
    if (!products.ok || products.value.length !== size) throw new Error(`product list failed for ${size}`);
    const started = performance.now();
    const lists = await mapWithConcurrency(products.value, limit, (p) => cloud.listCodes(p.productId));
    const elapsed = performance.now() - started;
    const codes = lists.reduce((n, l) => n + (l.ok ? l.value.length : 0), 0);
    if (codes !== size) throw new Error(`expected ${size} codes, got ${codes}`);
    return elapsed;
  } finally {
    await sim.close();
  }
};

const main = async (): Promise<void> => {
  const [latencyMs = 50] = flag('latency', '50');
  const limits = flag('limits', '1,6,12');
  const sizes = flag('sizes', '10,100,500');
  console.log(
    `code-cache fill: one pickup-code query per product, ${latencyMs} ms simulated latency, real HTTP on 127.0.0.1`,
  );
  console.log(
    ['products', ...limits.map((l) => (l === 1 ? 'one at a time' : `concurrency ${l}`))]
      .map((c) => c.padStart(16))
      .join(''),
  );
  for (const size of sizes) {
    const times: number[] = [];
    for (const limit of limits) times.push(await fill(size, limit, latencyMs));
    console.log(
      [String(size), ...times.map((t) => `${(t / 1000).toFixed(2)} s`)].map((c) => c.padStart(16)).join(''),
    );
    const alone = times[0];
    const widest = times.at(-1);
    if (size === Math.max(...sizes) && alone !== undefined && widest !== undefined)
      reportRows('cache fill', [
        {
          figure: `fill of ${size} products, concurrency ${limits.at(-1) ?? 1}, against one at a time`,
          measured: `${(widest / 1000).toFixed(2)} s`,
          limit: `${(alone / 1000).toFixed(2)} s (one at a time)`,
          ratio: widest / alone,
        },
      ]);
  }
};

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
