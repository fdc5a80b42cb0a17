import { afterEach, describe, expect, it } from 'vitest';
import { createBoardDriver } from '../../../../electron/core/board/create-board-driver';
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
    expect(await t.run(t.driver.preflight(req()))).toEqual({ ok: true, value: undefined });
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
