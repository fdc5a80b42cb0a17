/**
 * Durable commits per redemption: N single-unit pickups through the real core and an on-disk journal (WAL,
 * synchronous=FULL, so every commit is one fsync of the WAL), the in-memory cloud and the in-process board.
 * Run it under strace at two sizes and take the difference, so start-up's own writes cancel out:
 *   strace -f -c -e trace=fsync,fdatasync npx tsx test/bench/journal-syncs.ts 20
 *   strace -f -c -e trace=fsync,fdatasync npx tsx test/bench/journal-syncs.ts 40
 * With `--between`, it also prints how many commits fell between each consume's answer and its motor command,
 * counted by wrapping the store's transaction and write calls (no strace needed).
 */
import { reportRows } from './bench-report';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../electron/adapters/sqlite/open-store';
import { systemClock } from '../../electron/adapters/system-clock';
import { createBoardDriver } from '../../electron/core/board/create-board-driver';
import { createTradeId } from '../../electron/core/cloud/trade-id';
import { createKioskCore } from '../../electron/core/create-kiosk-core';
import type { Logger } from '../../electron/core/ports/logger';
import type { KioskStore } from '../../electron/core/ports/store';
import { createInProcessBoard } from '../../electron/sim/board/in-process';
import { demoSeed } from '../../electron/sim/cloud/demo-seed';
import { SimCloudState } from '../../electron/sim/cloud/state';
import { FakeVendorCloud } from '../fakes/fake-vendor-cloud';
import { testConfig } from '../unit/core/redemption/harness';

const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Counts outermost commits: a transaction is one, a write outside any transaction is one of its own. */
const counting = (store: KioskStore) => {
  let depth = 0;
  const counter = { commits: 0 };
  const writes = new Set<keyof KioskStore>([
    'insertRedemption',
    'moveRedemption',
    'patchRedemption',
    'putUnit',
    'markUnitAccepted',
    'enqueueOutbox',
    'deleteOutbox',
    'deferOutbox',
    'dropCode',
    'changeStock',
    'lockSlot',
    'clearSlotLock',
    'audit',
    'setMeta',
    'markStockInDoubt',
    'clearStockDoubt',
    'settleStock',
    'insertIncident',
    'completeIncident',
  ]);
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === 'transaction')
        return (body: () => unknown) => {
          depth += 1;
          try {
            return fn.call(target, body);
          } finally {
            depth -= 1;
            if (depth === 0) counter.commits += 1;
          }
        };
      if (writes.has(prop as keyof KioskStore))
        return (...args: unknown[]) => {
          if (depth === 0) counter.commits += 1;
          return fn.apply(target, args);
        };
      return fn.bind(target);
    },
  });
  return { store: wrapped, counter };
};

const main = async (): Promise<void> => {
  const n = Number(process.argv[2] ?? 20);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-syncs-'));
  const state = new SimCloudState(demoSeed());
  state.createCodes({ productId: 106, count: Math.min(n, 100), codeLength: 8, expiresAt: null });
  const bars = state.product(106);
  if (bars) Object.assign(bars, { stock: 1000, capacity: 1000 });
  const board = createInProcessBoard({
    config: {
      motorMs: { lock: 0, spring: 0, conveyor: 0, timed: 0 },
      replyDelayMs: 0,
      boards: [{ addr: 1, defaultStock: 1000 }],
    },
  });
  const { store, counter } = counting(openStore(join(dir, 'kiosk.db')));
  const core = createKioskCore(
    {
      config: testConfig({
        boards: [{ addr: 1, defaultSlotType: 1, dropSensor: false }],
        cloud: { ...testConfig().cloud, reporting: true },
      }),
      mode: 'live',
    },
    {
      store,
      cloud: new FakeVendorCloud(state),
      board: createBoardDriver({ link: board.link, clock: systemClock, logger: quiet }),
      clock: systemClock,
      logger: quiet,
      newTradeId: () => createTradeId(systemClock, Math.random),
      codeKey: Buffer.alloc(32, 0x42),
    },
  );
  await core.start();
  let commandCommits = 0;
  const between: number[] = [];
  let consumedAt: number | null = null;
  board.sim.onEvent((e) => {
    if (e.event === 'request' && e.op === 'dispense' && consumedAt !== null) {
      between.push(counter.commits - consumedAt);
      consumedAt = null;
    }
  });
  const codes = state.codes().filter((c) => c.productId === 106 && c.status === 'UNUSED' && c.quantity === 1);
  const perRedemption: number[] = [];
  for (const c of codes.slice(0, n)) {
    const before = counter.commits;
    const original = state.consume.bind(state);
    state.consume = (...args: Parameters<typeof original>) => {
      const answer = original(...args);
      consumedAt = counter.commits;
      return answer;
    };
    const result = await core.submitCode(c.code);
    state.consume = original;
    if (!result.ok || result.value.outcome !== 'success') throw new Error(JSON.stringify(result));
    perRedemption.push(counter.commits - before);
  }
  commandCommits = Math.max(...between);
  await core.stop();
  store.close();
  await board.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `journal commits per single-unit pickup: ${Math.max(...perRedemption)} (max of ${perRedemption.length}); ` +
      `between the consume's answer and the motor command: ${commandCommits} (max)`,
  );
  reportRows('journal', [
    {
      figure: 'durable commits per single-unit pickup (max)',
      measured: String(Math.max(...perRedemption)),
      limit: '4',
      ratio: Math.max(...perRedemption) / 4,
    },
    {
      figure: "commits between the consume's answer and the motor (max)",
      measured: String(commandCommits),
      limit: '1',
      ratio: commandCommits / 1,
    },
  ]);
};

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
