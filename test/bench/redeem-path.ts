/**
 * The customer's path, measured side by side in one run against its limits: the real core and journal (SQLite on
 * disk), the real cloud client over HTTP to the simulated cloud (500 products, 50 ms added to every answer), and
 * the simulated board on an emulated 9600-baud line (a pty has no wire time).
 *   npx tsx test/bench/redeem-path.ts [--runs 60] [--warmup 5] [--latency 50] [--products 500]
 * The warm-up pickups run the same path first, unmeasured: a kiosk's first customer after boot meets code
 * that is not compiled yet, every later one does not, and 60 runs make p95 more than the slowest one.
 *
 * - verdict: submit → the first "dispensing" event, against the cloud's round trip plus the preflight's wire time;
 *   the round trip is each pickup's own consume, timed inside the simulated cloud (request in → last byte out),
 *   so what the cloud spends is never charged to the kiosk and what the kiosk spends never hides in the RTT;
 * - code → dispense command received by the board, against the round trip plus the wire time of the frames
 *   that must precede the motor (one status read, then the dispense write), sized from the frames the driver
 *   really sends;
 * - status reads on the line between the consume's answer and the dispense command (the preflight's is reused);
 * - a typo: how long the customer waits, and how many cloud calls the wait itself makes.
 */
import { reportRows } from './bench-report';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeHttpClient } from '../../electron/adapters/node-http';
import { openStore } from '../../electron/adapters/sqlite/open-store';
import { systemClock } from '../../electron/adapters/system-clock';
import { createBoardDriver } from '../../electron/core/board/create-board-driver';
import { createTradeId } from '../../electron/core/cloud/trade-id';
import { createVendorCloud } from '../../electron/core/cloud/create-vendor-cloud';
import { createKioskCore } from '../../electron/core/create-kiosk-core';
import type { Logger } from '../../electron/core/ports/logger';
import { createInProcessBoard } from '../../electron/sim/board/in-process';
import { startSimCloud } from '../../electron/sim/cloud/server';
import { testConfig } from '../unit/core/redemption/harness';
import { benchSeed } from './bench-seed';
import { dispenseCommand, readShipmentStatus } from '../../electron/core/protocol/modbus/requests';

const credentials = { appId: 'bench-appid', appSecret: 'bench-secret', appKey: 'BENCHKEY' };
const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const BAUD = 9600;
/** 8N1: a byte is 10 bits on the wire. */
const wireMs = (bytes: number): number => (bytes * 10 * 1000) / BAUD;
/** One register's read reply: address, function, byte count, two data bytes, CRC. */
const STATUS_REPLY_BYTES = 7;
/** The preflight's status read, out and back, before the consume. */
const STATUS_MS = wireMs(readShipmentStatus(1).frame.length + STATUS_REPLY_BYTES);
/** Then the dispense write itself (a write-multiple of two registers: 13 bytes). */
const STATUS_AND_DISPENSE_MS =
  STATUS_MS + wireMs(dispenseCommand(1, { slot: 1, type: 1, check: false, lift: false }).frame.length);
const CONSUME_PATH = '/api/openapi/v1/consumes';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1] ?? fallback);
};

const seedOf = (products: number, codes: number) =>
  benchSeed(
    products,
    100,
    Array.from({ length: codes }, (_, i) => ({ id: i + 1, code: String(30_000_000 + i), productId: 1 })),
  );

const pct = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

const main = async (): Promise<void> => {
  const runs = arg('runs', 60);
  const warmup = arg('warmup', 5);
  const latencyMs = arg('latency', 50);
  const products = arg('products', 500);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-path-'));
  let cloudMs = Number.NaN;
  const sim = await startSimCloud({
    seed: seedOf(products, warmup + runs),
    credentials,
    faults: { latencyMs },
    onAnswered: (a) => {
      if (a.path === CONSUME_PATH) cloudMs = a.answeredAt - a.receivedAt;
    },
  });
  const board = createInProcessBoard({
    baud: BAUD,
    config: {
      boards: Array.from({ length: Math.ceil(products / 100) }, (_, i) => ({
        addr: i + 1,
        defaultStock: 100,
      })),
      motorMs: { lock: 50, spring: 50, conveyor: 50, timed: 50 },
      replyDelayMs: 0,
    },
  });
  const store = openStore(join(dir, 'kiosk.db'));
  const config = testConfig({
    boards: [{ addr: 1, defaultSlotType: 1, dropSensor: false }],
    cloud: {
      baseUrl: sim.baseUrl,
      notifyUrl: `${sim.baseUrl}/notify`,
      refreshOnMissAfterSeconds: 0,
      concurrency: 6,
    },
    throttle: { maxWrongCodes: 50, maxWrongCodesPerHour: 1000, maxWrongCodesPerDay: 1000 },
  });
  const cloud = createVendorCloud({
    baseUrl: sim.baseUrl,
    machineNo: '12345678',
    notifyUrl: `${sim.baseUrl}/notify`,
    credentials,
    http: createNodeHttpClient(),
    clock: systemClock,
    logger: quiet,
  });
  const driver = createBoardDriver({ link: board.link, clock: systemClock, logger: quiet });
  const core = createKioskCore(
    { config, mode: 'live' },
    {
      store,
      cloud,
      board: driver,
      clock: systemClock,
      logger: quiet,
      newTradeId: () => createTradeId(systemClock, Math.random),
      codeKey: Buffer.alloc(32, 0x42),
    },
  );
  await core.start();
  let dispensingAt = 0;
  core.on('progress', (p) => {
    if (p.stage === 'dispensing' && dispensingAt === 0) dispensingAt = performance.now();
  });
  let commandAt = 0;
  const ops: { op: string; at: number }[] = [];
  board.sim.onEvent((e) => {
    if (e.event !== 'request') return;
    ops.push({ op: e.op, at: performance.now() });
    if (e.op === 'dispense' && commandAt === 0) commandAt = performance.now();
  });
  const verdicts: number[] = [];
  const rtts: number[] = [];
  /** The kiosk's own time on the verdict: what is left once the cloud's answer time and the wire are taken off. */
  const verdictOwn: number[] = [];
  const commandRatios: number[] = [];
  const toCommand: number[] = [];
  const readsBetween: number[] = [];
  for (let i = 0; i < warmup; i++) {
    const result = await core.submitCode(String(30_000_000 + runs + i));
    if (!result.ok) throw new Error(`warm-up ${i}: ${JSON.stringify(result)}`);
  }
  for (let i = 0; i < runs; i++) {
    dispensingAt = 0;
    commandAt = 0;
    ops.length = 0;
    cloudMs = Number.NaN;
    const started = performance.now();
    const result = await core.submitCode(String(30_000_000 + i));
    if (!result.ok || result.value.outcome !== 'success')
      throw new Error(`run ${i}: ${JSON.stringify(result)}`);
    verdicts.push(dispensingAt - started);
    toCommand.push(commandAt - started);
    rtts.push(cloudMs);
    verdictOwn.push(dispensingAt - started - cloudMs - STATUS_MS);
    commandRatios.push((commandAt - started) / (1.15 * (cloudMs + STATUS_AND_DISPENSE_MS)));
    // The preflight's read comes before the consume; anything between the consume and the command is extra.
    const preflight = ops.findIndex((o) => o.op === 'shipment-status');
    const dispense = ops.findIndex((o) => o.op === 'dispense');
    readsBetween.push(ops.slice(preflight + 1, dispense).filter((o) => o.op === 'shipment-status').length);
  }
  // A typo: not in the cache, which may refresh on every miss here (the demo's setting, the worst case).
  const typoWaits: number[] = [];
  const typoCalls: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = sim.requests.length;
    const started = performance.now();
    const answer = await core.submitCode(String(40_000_000 + i));
    typoWaits.push(performance.now() - started);
    typoCalls.push(sim.requests.length - before);
    if (answer.ok) throw new Error('a typo was accepted');
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  await core.stop();
  store.close();
  await board.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });

  const rttNote = `RTT ${pct(rtts, 50).toFixed(1)}`;
  const rows: [string, string, string, string][] = [
    ['figure', 'measured', 'limit', 'ratio'],
    [
      'verdict p50 (submit → dispensing)',
      `${pct(verdicts, 50).toFixed(1)} ms`,
      `${rttNote} + ${STATUS_MS.toFixed(1)} wire + 10 ms`,
      (pct(verdicts, 50) / (pct(rtts, 50) + STATUS_MS + 10)).toFixed(2),
    ],
    [
      "verdict: the kiosk's own time p50 / p95",
      `${pct(verdictOwn, 50).toFixed(1)} / ${pct(verdictOwn, 95).toFixed(1)} ms`,
      '10 ms over RTT + wire',
      (pct(verdictOwn, 95) / 10).toFixed(2),
    ],
    [
      'code → dispense command at the board p50',
      `${pct(toCommand, 50).toFixed(1)} ms`,
      `1.15 × (RTT + ${STATUS_AND_DISPENSE_MS.toFixed(1)} ms wire)`,
      pct(commandRatios, 50).toFixed(2),
    ],
    [
      'status reads between consume and command (max)',
      String(Math.max(...readsBetween)),
      '0',
      Math.max(...readsBetween) === 0 ? 'ok' : 'over',
    ],
    [
      'typo: customer waits, p50 / max',
      `${pct(typoWaits, 50).toFixed(1)} / ${Math.max(...typoWaits).toFixed(1)} ms`,
      '20 ms',
      (Math.max(...typoWaits) / 20).toFixed(2),
    ],
    [
      'typo: cloud calls inside the wait (max)',
      String(Math.max(...typoCalls)),
      '0 (the refresh runs behind)',
      Math.max(...typoCalls) === 0 ? 'ok' : 'over',
    ],
  ];
  console.log(
    `redeem path: ${runs} pickups after ${warmup} of warm-up, ${products} products, ${latencyMs} ms added to every cloud answer over HTTP (the consume's own RTT, timed in the cloud: p50 ${pct(rtts, 50).toFixed(1)}, p95 ${pct(rtts, 95).toFixed(1)} ms), board on an emulated ${BAUD}-baud line`,
  );
  for (const r of rows)
    console.log(`${r[0].padEnd(48)}${r[1].padStart(20)}  ${r[2].padEnd(34)}${r[3].padStart(6)}`);
  // A count whose limit is 0 has no ratio to speak of: within at 0, over at anything else.
  const ratioOf = (text: string): number =>
    text === 'ok' ? 0 : text === 'over' ? Number.POSITIVE_INFINITY : Number(text);
  reportRows(
    'redeem path',
    rows
      .slice(1)
      .map(([figure, measured, limit, ratio]) => ({ figure, measured, limit, ratio: ratioOf(ratio) })),
  );
};

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
