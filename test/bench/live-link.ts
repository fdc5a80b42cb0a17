/**
 * The live link's figures, measured in one run:
 *   npx tsx test/bench/live-link.ts [--pushes 40]
 *
 * - vendor cloud calls per day at 50 and 500 products: as before (a full refresh every 300 s), with the link up
 *   (pushes; the full refresh hourly as the safety net) and with the link down (a full refresh every 20 minutes,
 *   the hot products every minute), for a busy machine (20 products redeemed lately) and a quiet one. A day
 *   of kiosk time runs on a manual clock against the in-memory cloud, counting every call; the product list's
 *   pages per refresh are counted once over real HTTP against the simulated cloud, since the in-memory cloud
 *   answers the whole list in one call;
 * - the time from a code created in the cloud to "redeemable" at the kiosk (in its cache), through a real broker:
 *   Debian's mosquitto when installed, else the embedded one the demo uses. Median and p95.
 */
import { createNodeHttpClient } from '../../electron/adapters/node-http';
import { systemClock } from '../../electron/adapters/system-clock';
import { createVendorCloud } from '../../electron/core/cloud/create-vendor-cloud';
import { silentLogger } from '../../electron/core/ports/logger';
import { startSimCloud } from '../../electron/sim/cloud/server';
import { startEmbeddedBroker } from '../../electron/sim/mqtt/embedded-broker';
import { FakeLiveTransport } from '../fakes/fake-live-transport';
import { mosquittoInstalled, startMosquitto } from '../helpers/mosquitto';
import { startLiveRig } from '../helpers/live-rig';
import { startHarness } from '../unit/core/redemption/harness';
import { reportRows } from './bench-report';
import { benchSeed } from './bench-seed';

const DAY_MS = 86_400_000;
const credentials = { appId: 'bench-appid', appSecret: 'bench-secret', appKey: 'BENCHKEY' };

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1] ?? fallback);
};

const pct = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** HTTP requests one product-list call makes for `products` products (pages of 100, per cabinet). */
const listPages = async (products: number): Promise<number> => {
  const sim = await startSimCloud({ seed: benchSeed(products, 10, []), credentials });
  const cloud = createVendorCloud({
    baseUrl: sim.baseUrl,
    machineNo: '12345678',
    notifyUrl: `${sim.baseUrl}/notify`,
    credentials,
    http: createNodeHttpClient(),
    clock: systemClock,
    logger: silentLogger,
  });
  const before = sim.requests.length;
  await cloud.listProducts();
  const pages = sim.requests.length - before;
  await sim.close();
  return pages;
};

type Mode = 'as before' | 'link up' | 'link down';

/** The cloud section with the current defaults, or the pace before hot polling (300 s full refreshes only). */
const cloudSection = (mode: Mode) => ({
  baseUrl: 'https://cloud.invalid',
  notifyUrl: 'https://cloud.invalid/notify',
  ...(mode === 'as before' ? { cacheRefreshSeconds: 300, hotRefreshSeconds: 300, hotProducts: 0 } : {}),
});

/**
 * Cloud calls in a day of kiosk time. `busy`: 20 products were redeemed just before the day starts, so the
 * poller has its full set of hot products all day (a quiet machine has none and polls less).
 */
const callsPerDay = async (products: number, mode: Mode, pages: number, busy: boolean): Promise<number> => {
  const transport = new FakeLiveTransport();
  if (mode === 'link down') transport.cut();
  const codes = Array.from({ length: 20 }, (_, i) => ({
    id: i + 1,
    code: String(40_000_000 + i),
    productId: i + 1,
  }));
  const h = await startHarness(
    {
      cloud: cloudSection(mode),
      ...(mode === 'as before' ? {} : { liveLink: { brokerUrl: 'mqtt://127.0.0.1:1883', machineId: '1' } }),
      throttle: { maxWrongCodes: 50, maxWrongCodesPerHour: 1000, maxWrongCodesPerDay: 1000 },
    },
    true,
    benchSeed(products, 10, codes),
    mode === 'as before'
      ? {}
      : {
          live: {
            transport,
            keys: credentials,
            env: () => ({
              appVersion: 'bench',
              os: 'linux',
              osVersion: '',
              screenWidth: 1080,
              screenHeight: 1920,
              language: 'en',
            }),
          },
        },
  );
  if (busy) for (const c of codes) await h.core.submitCode(c.code);
  const calls = h.cloud.calls;
  const start = calls.length;
  for (let t = 0; t < DAY_MS; t += 60_000) await h.clock.advance(60_000);
  const day = calls.slice(start);
  await h.core.stop();
  const lists = day.filter((c) => c.call === 'listProducts').length;
  return day.length - lists + lists * pages;
};

const pushToRedeemable = async (pushes: number): Promise<{ broker: string; ms: number[] }> => {
  const real = mosquittoInstalled();
  const broker = real ? await startMosquitto() : await startEmbeddedBroker();
  const rig = await startLiveRig(broker.url);
  const created = (): number => rig.logger.lines.filter((l) => l.event === 'live.code-created').length;
  while (!rig.logger.has('live.up')) await new Promise((r) => setTimeout(r, 5));
  const ms: number[] = [];
  for (let i = 0; i < pushes; i++) {
    const before = created();
    const t0 = performance.now();
    rig.cloud.state.createCodes({ productId: 101, count: 1, codeLength: 8, expiresAt: null });
    while (created() === before) await new Promise((r) => setImmediate(r));
    ms.push(performance.now() - t0);
  }
  await rig.stop();
  if ('stop' in broker) await broker.stop();
  else await broker.close();
  return { broker: real ? 'mosquitto' : 'embedded (aedes)', ms };
};

const main = async (): Promise<void> => {
  console.log('live link: cloud calls per day and push → redeemable');
  console.log('| figure | measured | limit | ratio |');
  console.log('|---|---|---|---|');
  for (const products of [50, 500]) {
    const pages = await listPages(products);
    const before = await callsPerDay(products, 'as before', pages, true);
    const up = await callsPerDay(products, 'link up', pages, true);
    const downQuiet = await callsPerDay(products, 'link down', pages, false);
    const downBusy = await callsPerDay(products, 'link down', pages, true);
    const fewer = (n: number): string => `${n} (${(before / n).toFixed(1)}× fewer)`;
    console.log(
      `| calls/day, ${products} products, as before (full refresh every 300 s) | ${before} | — | — |`,
    );
    // The targets are cuts: at least 5× fewer with the link up, 2× without it; the ratio is measured / limit.
    console.log(
      `| calls/day, ${products} products, link up | ${fewer(up)} | ≤ ${Math.floor(before / 5)} (5× fewer) | ${(up / (before / 5)).toFixed(2)} |`,
    );
    console.log(
      `| calls/day, ${products} products, link down, 20 hot products | ${fewer(downBusy)} | ≤ ${Math.floor(before / 2)} (2× fewer) | ${(downBusy / (before / 2)).toFixed(2)} |`,
    );
    console.log(
      `| calls/day, ${products} products, link down, quiet (no hot product) | ${fewer(downQuiet)} | ≤ ${Math.floor(before / 2)} (2× fewer) | ${(downQuiet / (before / 2)).toFixed(2)} |`,
    );
    reportRows('cloud calls', [
      {
        figure: `calls/day, ${products} products, as before (300 s)`,
        measured: String(before),
        limit: '—',
        ratio: null,
      },
      {
        figure: `calls/day, ${products} products, live link up`,
        measured: fewer(up),
        limit: `≤ ${Math.floor(before / 5)} (5× fewer)`,
        ratio: up / (before / 5),
      },
      {
        figure: `calls/day, ${products} products, link down, 20 hot products`,
        measured: fewer(downBusy),
        limit: `≤ ${Math.floor(before / 2)} (2× fewer)`,
        ratio: downBusy / (before / 2),
      },
      {
        figure: `calls/day, ${products} products, link down, quiet`,
        measured: fewer(downQuiet),
        limit: `≤ ${Math.floor(before / 2)} (2× fewer)`,
        ratio: downQuiet / (before / 2),
      },
    ]);
  }
  const pushed = await pushToRedeemable(arg('pushes', 40));
  const p50 = pct(pushed.ms, 50);
  const p95 = pct(pushed.ms, 95);
  console.log(
    `| push → redeemable p50, ${pushed.broker} | ${p50.toFixed(1)} ms | 1000 ms | ${(p50 / 1000).toFixed(3)} |`,
  );
  console.log(
    `| push → redeemable p95, ${pushed.broker} | ${p95.toFixed(1)} ms | 1000 ms | ${(p95 / 1000).toFixed(3)} |`,
  );
  reportRows('live link', [
    {
      figure: `push → redeemable p50 (${pushed.broker})`,
      measured: `${p50.toFixed(1)} ms`,
      limit: '1000 ms',
      ratio: p50 / 1000,
    },
    {
      figure: `push → redeemable p95 (${pushed.broker})`,
      measured: `${p95.toFixed(1)} ms`,
      limit: '1000 ms',
      ratio: p95 / 1000,
    },
  ]);
};

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
