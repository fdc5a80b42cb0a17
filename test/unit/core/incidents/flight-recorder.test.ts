import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../electron/adapters/sqlite/open-store';
import { runCli } from '../../../../electron/cli/main';
import { createBoardDriver } from '../../../../electron/core/board/create-board-driver';
import { createFrameRecorder, parseRecording } from '../../../../electron/core/board/recorder';
import { createTradeId } from '../../../../electron/core/cloud/trade-id';
import { createKioskCore, type KioskCore } from '../../../../electron/core/create-kiosk-core';
import { INCIDENT_WINDOW_MS } from '../../../../electron/core/incidents/incident-capture';
import type { KioskStore } from '../../../../electron/core/ports/store';
import { createInProcessBoard, type InProcessBoard } from '../../../../electron/sim/board/in-process';
import { demoSeed } from '../../../../electron/sim/cloud/demo-seed';
import { SimCloudState } from '../../../../electron/sim/cloud/state';
import { captureCliIo } from '../../../fakes/capture-cli-io';
import { FakeVendorCloud } from '../../../fakes/fake-vendor-cloud';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { runWithClock } from '../../../helpers/run-with-clock';
import { testConfig, TEST_CODE_KEY } from '../redemption/harness';

type Rig = {
  readonly core: KioskCore;
  readonly store: KioskStore;
  readonly board: InProcessBoard;
  readonly clock: ManualClock;
  readonly dbPath: string;
  readonly dir: string;
  readonly codeFor: (productId: number) => string;
  readonly stopHeartbeat: () => void;
};

let rigs: Rig[] = [];
afterEach(async () => {
  for (const rig of rigs) {
    rig.stopHeartbeat();
    await rig.core.stop();
    await rig.board.close();
    rig.store.close();
    rmSync(rig.dir, { recursive: true, force: true });
  }
  rigs = [];
});

/**
 * The real core, the real driver with its black box, the simulated board speaking real Modbus frames. With
 * `heartbeatMs`, the link's heartbeat as the runtime has it: a status read of board 1 that is byte for byte the
 * one a dispense polls with, interleaved with it on the line.
 */
const rig = async (heartbeatMs?: number): Promise<Rig> => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-incident-'));
  const dbPath = join(dir, 'kiosk.db');
  const clock = new ManualClock();
  const state = new SimCloudState(demoSeed(), { now: () => clock.now() });
  const board = createInProcessBoard({
    clock,
    config: { motorMs: { lock: 100, spring: 300, conveyor: 500, timed: 400 }, liftMs: 200 },
  });
  const recorder = createFrameRecorder(20_000);
  const logger = new MemoryLogger();
  const driver = createBoardDriver({ link: board.link, clock, logger, recorder });
  const store = openStore(dbPath);
  let seq = 0;
  const core = createKioskCore(
    { config: testConfig({ boards: [{ addr: 1, defaultSlotType: 1, dropSensor: true }] }), mode: 'live' },
    {
      store,
      cloud: new FakeVendorCloud(state, clock),
      board: driver,
      clock,
      logger,
      newTradeId: () => createTradeId(clock, () => (seq++ % 1000) / 1000),
      codeKey: TEST_CODE_KEY,
      recorder,
    },
  );
  for (const productId of [101, 102, 103, 104, 105])
    state.createCodes({ productId, count: 2, codeLength: 8, expiresAt: null });
  await runWithClock(clock, core.start());
  let cancelBeat = (): void => undefined;
  const beat = (): void => {
    void driver.shipmentStatus(1);
    if (heartbeatMs !== undefined) cancelBeat = clock.setTimer(heartbeatMs, beat);
  };
  if (heartbeatMs !== undefined) beat();
  const handed = new Set<string>();
  const codeFor = (productId: number): string => {
    const code = state
      .codes()
      .find(
        (c) =>
          c.productId === productId &&
          c.quantity === 1 &&
          c.status === 'UNUSED' &&
          c.expiresAt === null &&
          !handed.has(c.code),
      )?.code;
    if (code !== undefined) handed.add(code);
    if (code === undefined) throw new Error(`no unused code for ${productId}`);
    return code;
  };
  const made = {
    core,
    store,
    board,
    clock,
    dbPath,
    dir,
    codeFor,
    stopHeartbeat: () => {
      cancelBeat();
    },
  };
  rigs.push(made);
  return made;
};

/** The dispense reply is lost and then every status read goes unanswered: nobody can tell if it dropped. */
const armUnknown = (board: InProcessBoard): void => {
  board.sim.injectFault({ kind: 'lost-reply' });
  const off = board.sim.onEvent((e) => {
    if (e.event === 'request' && e.op === 'dispense') {
      board.sim.injectFault({ kind: 'lost-reply', on: 'shipment-status', times: 'always' });
      off();
    }
  });
};

const cli = async (args: string[], cwd: string) => {
  const io = captureCliIo({ cwd });
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('the always-on flight recorder', () => {
  it('keeps the frames and the journal of an unknown unit under the customer reference, then completes it', async () => {
    const { core, store, board, clock, codeFor } = await rig(2000);
    armUnknown(board);
    const code = codeFor(101);
    const result = await runWithClock(clock, core.submitCode(code));
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.outcome).toBe('attention');

    const [summary] = store.listIncidents(10);
    expect(summary).toMatchObject({
      reference: result.value.reference,
      outcome: 'unknown',
      addr: 1,
      slot: 0,
    });
    expect(summary?.complete).toBe(false);
    const [first] = store.incidentsByReference(result.value.reference);
    const frames = parseRecording(first?.frames ?? '');
    if (!frames.ok) throw new Error(frames.error);
    // The status reads and the dispense command are all in the evidence.
    expect(frames.value.filter((f) => f.dir === 'tx').length).toBeGreaterThan(2);
    // Support gets the masked code, never the code or its hash.
    expect(first?.journal).not.toContain(code);
    expect(first?.journal).toContain(`"codeMask"`);
    expect(first?.journal).not.toContain('codeHash');

    const at = first?.at ?? 0;
    expect(frames.value.every((f) => f.at <= at)).toBe(true);
    // Still open just before the window after the fault closes; then the heartbeat's reads since are added.
    await clock.advance(INCIDENT_WINDOW_MS - 1 - (clock.now() - at));
    expect(store.incidentsByReference(result.value.reference)[0]?.complete).toBe(false);
    await clock.advance(1000);
    const [done] = store.incidentsByReference(result.value.reference);
    expect(done?.complete).toBe(true);
    const after = parseRecording(done?.frames ?? '');
    if (!after.ok) throw new Error(after.error);
    expect(after.value.length).toBeGreaterThan(frames.value.length);
    expect(after.value.some((f) => f.at > at)).toBe(true);
  });

  it('records a definite failure too, and nothing for a success', async () => {
    const { core, store, board, clock, codeFor } = await rig();
    const ok = await runWithClock(clock, core.submitCode(codeFor(102)));
    expect(ok.ok ? ok.value.outcome : ok.error.code).toBe('success');
    expect(store.listIncidents(10)).toEqual([]);
    board.sim.injectFault({ kind: 'jam' });
    const jammed = await runWithClock(clock, core.submitCode(codeFor(103)));
    expect(jammed.ok && jammed.value.outcome).toBe('failed');
    expect(store.listIncidents(10)).toMatchObject([
      { outcome: 'failed', reason: expect.stringContaining('Stuck') as unknown },
    ]);
  });

  it('exports an unknown with kioskctl, and the replay reaches the same outcome through the kiosk driver', async () => {
    // With the heartbeat's identical status reads interleaved, as on a machine.
    const { core, board, clock, codeFor, dbPath, dir } = await rig(700);
    armUnknown(board);
    const result = await runWithClock(clock, core.submitCode(codeFor(104)));
    if (!result.ok) throw new Error(result.error.code);
    await clock.advance(INCIDENT_WINDOW_MS + 1000);
    const ref = result.value.reference;

    const listed = await cli(['incident', 'list', '--db', dbPath], dir);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out.trim().split('\n')[0] ?? '{}')).toMatchObject({
      reference: ref,
      outcome: 'unknown',
      slot: 9,
      complete: true,
    });
    const exported = await cli(['incident', 'export', '--db', dbPath, '--ref', ref], dir);
    expect(exported.code).toBe(0);
    const file = join(dir, `incident-${ref}.ndjson`);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toContain('"incident"');

    const replayed = await cli(['sim', 'board', '--replay', file], dir);
    expect(replayed.err).toBe('');
    expect(replayed.code).toBe(0);
    const last = JSON.parse(replayed.out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(last).toMatchObject({
      event: 'incident-replay',
      reference: ref,
      recorded: { outcome: 'unknown' },
      replayed: { outcome: 'unknown' },
      match: true,
      requestsUnmatched: 0,
    });
    // The reference board answering the same requests drops the item: the line, not the board, lost the answers.
    expect(replayed.out).toContain('"event":"drop"');
  });

  it('says so, and exits 1, when a replay no longer reaches the recorded outcome', async () => {
    const { core, board, clock, codeFor, dbPath, dir } = await rig(300);
    board.sim.injectFault({ kind: 'jam' });
    const result = await runWithClock(clock, core.submitCode(codeFor(105)));
    if (!result.ok) throw new Error(result.error.code);
    const ref = result.value.reference;
    await cli(['incident', 'export', '--db', dbPath, '--ref', ref, '--out', 'x.ndjson'], dir);
    const file = join(dir, 'x.ndjson');
    // Played back as recorded, the board's own fault answer reaches the driver: failed, with the board's words.
    const faithful = await cli(['sim', 'board', '--replay', file], dir);
    expect(faithful.code).toBe(0);
    expect(JSON.parse(faithful.out.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
      replayed: { outcome: 'failed', reason: expect.stringContaining('Goods are Stuck') as unknown },
      match: true,
    });
    // Tamper with the recorded outcome: the driver still reads a jam as failed.

    const text = readFileSync(file, 'utf8').replace('"outcome":"failed"', '"outcome":"unknown"');
    writeFileSync(file, text);
    const replayed = await cli(['sim', 'board', '--replay', file], dir);
    expect(replayed.code).toBe(1);
    expect(replayed.err).toContain('as failed, not unknown');
  });

  it("files an operator's failed test dispense under TEST-<id>, with the test's own row", async () => {
    const { core, store, board, clock } = await rig();
    board.sim.injectFault({ kind: 'jam' });
    const tested = await runWithClock(clock, core.operator.testDispense(1, 11, 'maintenance'));
    if (!tested.ok) throw new Error(tested.error.reason);
    expect(tested.value.state).toBe('failed');
    const [incident] = store.incidentsByReference(`TEST-${tested.value.id}`);
    expect(incident).toMatchObject({ outcome: 'failed', addr: 1, slot: 11, redemptionId: null });
    const journal = JSON.parse(incident?.journal ?? '{}') as { test: { id: number }; redemption: unknown };
    expect(journal.redemption).toBeNull();
    expect(journal.test.id).toBe(tested.value.id);
    expect(parseRecording(incident?.frames ?? '').ok).toBe(true);
  });

  it('refuses an export for a reference it does not have', async () => {
    const { dbPath, dir } = await rig();
    const missing = await cli(['incident', 'export', '--db', dbPath, '--ref', 'NOPE1234'], dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no incident under reference NOPE1234');
  });
});
