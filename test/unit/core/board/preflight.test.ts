import { afterEach, describe, expect, it } from 'vitest';
import { createBoardDriver } from '../../../../electron/core/board/create-board-driver';
import { PREFLIGHT_REUSE_MS } from '../../../../electron/core/board/dispense';
import type { DispenseRequest } from '../../../../electron/core/ports/board';
import { dispenseCommand } from '../../../../electron/core/protocol/modbus/requests';
import type { SimConfigInput } from '../../../../electron/sim/board/config';
import { createInProcessBoard, type InProcessBoard } from '../../../../electron/sim/board/in-process';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { runWithClock } from '../../../helpers/run-with-clock';

const req = (over: Partial<DispenseRequest> = {}): DispenseRequest => ({
  addr: 1,
  slot: 12,
  type: 1,
  dropCheck: true,
  lift: false,
  ...over,
});

let board: InProcessBoard | null = null;
afterEach(async () => {
  await board?.close();
  board = null;
});

const setup = (config: SimConfigInput = {}) => {
  const clock = new ManualClock();
  board = createInProcessBoard({
    config: { motorMs: { lock: 100, spring: 600, conveyor: 600, timed: 600 }, ...config },
    clock,
  });
  const driver = createBoardDriver({
    link: board.link,
    clock,
    logger: new MemoryLogger(),
    requestTimeoutMs: 100,
  });
  const b = board;
  return {
    clock,
    driver,
    sim: b.sim,
    ops: () => b.sim.received().map((r) => r.op),
    run: <T>(p: Promise<T>) => runWithClock(clock, p),
  };
};

describe('board preflight (before a code is consumed)', () => {
  it('passes an idle board with a clear drop sensor, reading only its status and the sensor', async () => {
    const t = setup();
    expect(await t.run(t.driver.preflight(req()))).toMatchObject({
      ok: true,
      value: { addr: 1, status: { runStatus: 'idle' } },
    });
    expect(t.ops()).toEqual(['shipment-status', 'drop-sensor']);
  });

  it('does not read a sensor the slot does not use', async () => {
    const t = setup();
    expect(await t.run(t.driver.preflight(req({ dropCheck: false })))).toMatchObject({ ok: true });
    expect(t.ops()).toEqual(['shipment-status']);
  });

  it('refuses a board still busy with a dispense', async () => {
    const t = setup();
    t.sim.receive(dispenseCommand(1, { slot: 3, type: 1, check: false, lift: false }).frame);
    await t.clock.advance(50);
    expect(await t.run(t.driver.preflight(req()))).toEqual({ ok: false, error: 'board 1 is busy' });
  });

  it('refuses a blocked drop sensor, and a board that does not answer', async () => {
    const t = setup({ faults: [{ kind: 'sensor-blocked' }] });
    await t.run(t.driver.dispense(req({ dropCheck: false })));
    expect(await t.run(t.driver.preflight(req()))).toEqual({
      ok: false,
      error: 'board 1 drop sensor reads blocked-or-missing',
    });
    const silent = await t.run(t.driver.preflight(req({ addr: 5 })));
    expect(silent).toMatchObject({
      ok: false,
      error: expect.stringContaining('board 5 not answering') as unknown,
    });
  });

  it('never sends a dispense', async () => {
    const t = setup();
    await t.run(t.driver.preflight(req()));
    expect(t.ops()).not.toContain('dispense');
  });
});

describe('a dispense after its preflight (one status read per redemption)', () => {
  const passed = async (t: ReturnType<typeof setup>, request = req()) => {
    const pass = await t.run(t.driver.preflight(request));
    if (!pass.ok) throw new Error(pass.error);
    return pass.value;
  };

  it('reuses the preflight status: the dispense command is the first thing on the wire after it', async () => {
    const t = setup();
    const pass = await passed(t);
    expect(pass.status.runStatus).toBe('idle');
    const before = t.ops().length;
    // The consume's round trip happens here, with nothing else on the line.
    await t.clock.advance(400);
    expect(await t.run(t.driver.dispense(req(), { preflight: pass }))).toEqual({ outcome: 'success' });
    expect(t.ops()[before]).toBe('dispense');
  });

  it('reads again when a command went to that board since, the link changed, or the read is too old', async () => {
    const t = setup();
    const stale = await passed(t);
    await t.run(t.driver.dispense(req({ slot: 3 })));
    let before = t.ops().length;
    await t.run(t.driver.dispense(req(), { preflight: stale }));
    expect(t.ops().slice(before, before + 2)).toEqual(['shipment-status', 'dispense']);

    const beforeUnplug = await passed(t);
    board?.unplug();
    board?.plugIn();
    await t.clock.advance(10);
    before = t.ops().length;
    await t.run(t.driver.dispense(req(), { preflight: beforeUnplug }));
    expect(t.ops()[before]).toBe('shipment-status');

    const old = await passed(t);
    await t.clock.advance(PREFLIGHT_REUSE_MS + 1);
    before = t.ops().length;
    await t.run(t.driver.dispense(req(), { preflight: old }));
    expect(t.ops()[before]).toBe('shipment-status');
  });

  it("never takes another board's preflight for its own", async () => {
    const t = setup({ boards: [{ addr: 1 }, { addr: 2 }] });
    const other = await passed(t, req({ addr: 2 }));
    const before = t.ops().length;
    await t.run(t.driver.dispense(req(), { preflight: other }));
    expect(t.ops()[before]).toBe('shipment-status');
  });
});
