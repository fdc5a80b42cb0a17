/**
 * Memory over a long run: `npx tsx --expose-gc test/bench/memory.ts [count]` (10,000 redemptions by default). The
 * real core, journal (SQLite on disk), cloud client and serialport driver run here; the simulated cloud
 * (`kioskctl sim cloud`, over HTTP) and the board (`kioskctl sim board`, over a socat pty) each run in their own
 * process, so what they keep of every order and every frame is not counted. RSS and the live heap (after a GC)
 * are read after a warm-up of 500 redemptions and again at the end: SQLite's page cache and the JIT settle
 * during the warm-up; what grows after it is what the kiosk keeps per redemption.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createNodeHttpClient } from '../../electron/adapters/node-http';
import { openSerialLink } from '../../electron/adapters/serialport-link';
import { openStore } from '../../electron/adapters/sqlite/open-store';
import { systemClock } from '../../electron/adapters/system-clock';
import { createBoardDriver } from '../../electron/core/board/create-board-driver';
import { createTradeId } from '../../electron/core/cloud/trade-id';
import { createVendorCloud } from '../../electron/core/cloud/create-vendor-cloud';
import { createKioskCore } from '../../electron/core/create-kiosk-core';
import { silentLogger } from '../../electron/core/ports/logger';
import { startPtyPair } from '../helpers/socat';
import { testConfig } from '../unit/core/redemption/harness';
import { reportRows } from './bench-report';
import { benchSeed } from './bench-seed';

/** RSS may grow by this share after the warm-up: a leak keeps growing, a cache settles. */
const RSS_GROWTH_LIMIT = 0.1;
/** The live heap after a GC may grow by this much after the warm-up. */
const HEAP_GROWTH_LIMIT_MB = 10;
const WARM_UP = 500;
const PRODUCTS = 10;
const credentials = { appId: 'bench-appid', appSecret: 'bench-secret', appKey: 'BENCHKEY' };
const repoRoot = join(__dirname, '..', '..');

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;
const gc = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};

const kioskctl = (args: readonly string[], stdout: 'pipe' | 'ignore'): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/cli/main.ts'), ...args], {
    stdio: ['ignore', stdout, 'inherit'],
    env: {
      ...process.env,
      KIOSK_APPID: credentials.appId,
      KIOSK_APPSECRET: credentials.appSecret,
      KIOSK_APPKEY: credentials.appKey,
    },
  });

/** Starts the cloud simulator in its own process and answers its URL (from its first line). */
const startCloud = async (seedPath: string): Promise<{ url: string; child: ChildProcess }> => {
  const child = kioskctl(['sim', 'cloud', '--port', '0', '--seed', seedPath], 'pipe');
  const url = await new Promise<string>((resolve, reject) => {
    if (!child.stdout) throw new Error('no stdout');
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const m = /listening on (\S+)/.exec(line);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`sim cloud exited ${String(code)}`));
    });
  });
  return { url, child };
};

const main = async (): Promise<void> => {
  const count = Number(process.argv[2] ?? '10000');
  const total = count + WARM_UP;
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-memory-'));
  const children: ChildProcess[] = [];
  const pty = await startPtyPair();
  try {
    const codes = Array.from({ length: total }, (_, i) => ({
      id: i + 1,
      code: String(50_000_000 + i),
      productId: (i % PRODUCTS) + 1,
    }));
    writeFileSync(join(dir, 'seed.json'), JSON.stringify(benchSeed(PRODUCTS, total, codes)));
    writeFileSync(
      join(dir, 'boards.json'),
      JSON.stringify({
        boards: [{ addr: 1, dropSensor: false, defaultStock: total }],
        motorMs: { lock: 5, spring: 5, conveyor: 5, timed: 5 },
        replyDelayMs: 1,
      }),
    );
    const cloud = await startCloud(join(dir, 'seed.json'));
    children.push(cloud.child);
    children.push(
      kioskctl(['sim', 'board', '--port', pty.board, '--config', join(dir, 'boards.json')], 'ignore'),
    );
    const link = openSerialLink({ path: pty.kiosk, baud: 9600, logger: silentLogger });
    const store = openStore(join(dir, 'kiosk.db'));
    const config = testConfig({
      boards: [{ addr: 1, defaultSlotType: 1, dropSensor: false }],
      cloud: { baseUrl: cloud.url, notifyUrl: `${cloud.url}/notify`, refreshOnMissAfterSeconds: 0 },
      throttle: { maxWrongCodes: 50, maxWrongCodesPerHour: 1000, maxWrongCodesPerDay: 1000 },
    });
    const vendor = createVendorCloud({
      baseUrl: cloud.url,
      machineNo: '12345678',
      notifyUrl: `${cloud.url}/notify`,
      credentials,
      http: createNodeHttpClient(),
      clock: systemClock,
      logger: silentLogger,
    });
    // Polled every 25 ms instead of 250 once a dispense is sent: the simulated motor runs 5 ms, and what is measured is
    // what redemptions leave behind, not how long a motor turns. About 6 times as many redemptions a minute.
    const driver = createBoardDriver({ link, clock: systemClock, logger: silentLogger, pollIntervalMs: 25 });
    const core = createKioskCore(
      { config, mode: 'live' },
      {
        store,
        cloud: vendor,
        board: driver,
        clock: systemClock,
        logger: silentLogger,
        newTradeId: () => createTradeId(systemClock, Math.random),
        codeKey: Buffer.alloc(32, 0x4d),
      },
    );
    await link.settled();
    await core.start();
    let failed = 0;
    let start = process.memoryUsage();
    const started = Date.now();
    for (const [i, c] of codes.entries()) {
      const result = await core.submitCode(c.code);
      if (!result.ok || result.value.outcome !== 'success') failed++;
      if (i % 100 === 99) await core.flushOutbox();
      if (i === WARM_UP - 1) {
        gc();
        start = process.memoryUsage();
      }
    }
    await core.flushOutbox(true);
    gc();
    const end = process.memoryUsage();
    const seconds = (Date.now() - started) / 1000;
    await core.stop();
    await driver.close();
    store.close();
    const rssGrowth = (end.rss - start.rss) / start.rss;
    const heapGrowth = mb(end.heapUsed - start.heapUsed);
    console.log(
      `memory over ${count} redemptions after ${WARM_UP} to warm up (${seconds.toFixed(0)} s, ${failed} not a success): ` +
        `rss ${mb(start.rss)} → ${mb(end.rss)} MB, heap ${mb(start.heapUsed)} → ${mb(end.heapUsed)} MB`,
    );
    reportRows('memory', [
      {
        figure: `RSS growth over ${count} redemptions (simulators in their own processes)`,
        measured: `${mb(start.rss)} → ${mb(end.rss)} MB (${(rssGrowth * 100).toFixed(1)} %)`,
        limit: `${RSS_GROWTH_LIMIT * 100} %`,
        ratio: rssGrowth / RSS_GROWTH_LIMIT,
      },
      {
        figure: `live heap growth after GC over ${count} redemptions`,
        measured: `${mb(start.heapUsed)} → ${mb(end.heapUsed)} MB`,
        limit: `${HEAP_GROWTH_LIMIT_MB} MB`,
        ratio: heapGrowth / HEAP_GROWTH_LIMIT_MB,
      },
    ]);
    if (failed > 0) process.exitCode = 1;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await pty.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

main().then(
  () => process.exit(),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
