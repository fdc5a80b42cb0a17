import { afterEach, describe, expect, it } from 'vitest';
import type { BoardDriverOptions } from '../../../../electron/core/board/options';
import { createBoardDriver } from '../../../../electron/core/board/create-board-driver';
import type { DispenseRequest } from '../../../../electron/core/ports/board';
import type { SimConfigInput } from '../../../../electron/sim/board/config';
import type { InProcessBoard } from '../../../../electron/sim/board/in-process';
import { createInProcessBoard } from '../../../../electron/sim/board/in-process';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { expectOutcome } from '../../../helpers/expect-outcome';
import { runWithClock } from '../../../helpers/run-with-clock';

const fast = {
  motorMs: { lock: 100, spring: 300, conveyor: 500, timed: 400 },
  liftMs: 200,
  motorTimeoutMs: 4000,
};
const req = (over: Partial<DispenseRequest> = {}): DispenseRequest => ({
  addr: 1,
  slot: 12,
  type: 1,
  dropCheck: false,
  lift: false,
  ...over,
});

let board: InProcessBoard | null = null;
afterEach(async () => {
  await board?.close();
  board = null;
});

const setup = (config: SimConfigInput = {}, opts: Partial<BoardDriverOptions> = {}) => {
  const clock = new ManualClock();
  const logger = new MemoryLogger();
  board = createInProcessBoard({ config: { ...fast, ...config }, clock });
  const driver = createBoardDriver({ link: board.link, clock, logger, pollIntervalMs: 50, ...opts });
  const b = board;
  const dispenses = () => b.sim.received().filter((r) => r.op === 'dispense');
  return {
    clock,
    logger,
    driver,
    sim: b.sim,
    ledger: b.ledger,
    dispenses,
    run: <T>(p: Promise<T>) => runWithClock(clock, p),
  };
};

describe('board driver against the in-process simulator', () => {
  it('dispenses: status first, the command once, then polls until done; one item drops', async () => {
    const { driver, run, ledger, sim } = setup();
    expect(await run(driver.dispense(req()))).toEqual({ outcome: 'success' });
    expect(ledger.entries()).toMatchObject([{ addr: 1, slot: 12 }]);
    const ops = sim.received().map((r) => r.op);
    expect(ops.slice(0, 2)).toEqual(['shipment-status', 'dispense']);
    expect(ops.filter((o) => o === 'dispense')).toHaveLength(1);
  });

  it('confirms the drop with the sensor when asked', async () => {
    const { driver, run, sim } = setup();
    expect(await run(driver.dispense(req({ dropCheck: true })))).toEqual({ outcome: 'success' });
    expect(sim.received().at(-1)?.op).toBe('drop-sensor');
  });

  it('says unknown, not failed, when a drop check runs on a board without a sensor (the item did drop)', async () => {
    const { driver, run, ledger } = setup({ boards: [{ addr: 1, dropSensor: false }] });
    const outcome = await run(driver.dispense(req({ dropCheck: true })));
    expectOutcome(outcome, 'unknown', 'Dlv Detect Error');
    expect(ledger.entries()).toHaveLength(1);
  });

  it.each([
    ['jam', 'Goods are Stuck', 0x15],
    ['no-current', 'Load No Current', 0x11],
  ] as const)('%s fails with the board string and drops nothing', async (kind, text, code) => {
    const { driver, run, sim, ledger } = setup({ faults: [{ kind }] });
    const outcome = await run(driver.dispense(req()));
    expectOutcome(outcome, 'failed', text, code);
    expect(ledger.entries()).toEqual([]);
    expect(sim.received().filter((r) => r.op === 'dispense')).toHaveLength(1);
  });

  it('a motor that never finishes is unknown once the busy window passes', async () => {
    const { driver, run, clock } = setup(
      { faults: [{ kind: 'motor-timeout' }] },
      { busyWindowMs: { motor: 1500 } },
    );
    const started = clock.now();
    const outcome = await run(driver.dispense(req()));
    expectOutcome(outcome, 'unknown', 'busy after the 1.5 s busy window');
    expect(clock.now() - started).toBeGreaterThanOrEqual(1400);
  });

  it('a busy refusal fails with fault 6 and runs no motor', async () => {
    const { driver, run, ledger, sim } = setup({ faults: [{ kind: 'busy' }] });
    expect(await run(driver.dispense(req()))).toMatchObject({ outcome: 'failed', faultCode: 6 });
    expect(ledger.entries()).toEqual([]);
    expect(sim.boards()[0]?.runStatus).toBe(0);
  });

  it.each(['lost-reply', 'corrupt-crc', 'wrong-address'] as const)(
    'after %s on the dispense reply it reads the status, finds the drop, and never resends',
    async (kind) => {
      const { driver, run, ledger, dispenses, logger } = setup({ faults: [{ kind }] });
      expect(await run(driver.dispense(req()))).toEqual({ outcome: 'success' });
      expect(dispenses()).toHaveLength(1);
      expect(ledger.entries()).toHaveLength(1);
      expect(logger.has('board.dispense.reply-lost')).toBe(true);
    },
  );

  it('is unknown when the dispense reply is lost and the status cannot be read either', async () => {
    const { driver, run, ledger, dispenses, sim, clock } = setup({ faults: [{ kind: 'lost-reply' }] });
    sim.onEvent((e) => {
      if (e.event === 'request' && e.op === 'dispense')
        sim.injectFault({ kind: 'lost-reply', on: 'shipment-status', times: 'always' });
    });
    const outcome = await run(driver.dispense(req()));
    expectOutcome(outcome, 'unknown', 'cannot be read');
    expect(dispenses()).toHaveLength(1);
    // The board did drop it: exactly why "unknown" must lock the slot rather than retry.
    await clock.advance(1000);
    expect(ledger.entries()).toHaveLength(1);
  });

  it('retries status reads through garbage and lost status replies', async () => {
    const { driver, run, logger } = setup({
      faults: [
        // One wire fault per reply: the lost replies come first, then every reply carries noise.
        { kind: 'lost-reply', on: 'shipment-status', times: 2 },
        { kind: 'garbage', on: 'any', times: 'always' },
      ],
    });
    expect(await run(driver.dispense(req()))).toEqual({ outcome: 'success' });
    expect(logger.has('board.read.retry')).toBe(true);
  });

  it('reports the board failure for an invalid slot or a wrong slot type', async () => {
    const { driver, run } = setup({ boards: [{ addr: 1, rows: 6, slotTypes: { '3': 2 } }] });
    expectOutcome(await run(driver.dispense(req({ slot: 75 }))), 'failed', 'Slot Invalid');
    expectOutcome(await run(driver.dispense(req({ slot: 3, type: 1 }))), 'failed', 'Slot Type Error');
    expect(await run(driver.dispense(req({ slot: 3, type: 2 })))).toEqual({ outcome: 'success' });
  });

  it('drives several boards on one line and keeps same-board dispenses in order', async () => {
    const { driver, run, ledger } = setup({ boards: [{ addr: 1 }, { addr: 2 }] });
    const outcomes = await run(
      Promise.all([
        driver.dispense(req({ addr: 1, slot: 1 })),
        driver.dispense(req({ addr: 2, slot: 2 })),
        driver.dispense(req({ addr: 1, slot: 3 })),
      ]),
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['success', 'success', 'success']);
    expect(
      ledger
        .entries()
        .map((e) => `${e.addr}/${e.slot}`)
        .sort(),
    ).toEqual(['1/1', '1/3', '2/2']);
  });

  it('sends nothing to a board that does not answer, or when the link is down, or for a bad request', async () => {
    const { driver, run, dispenses } = setup();
    expectOutcome(await run(driver.dispense(req({ addr: 3 }))), 'failed', 'not answering');
    expectOutcome(await run(driver.dispense(req({ slot: 100 }))), 'failed', 'slot 100');
    board?.unplug();
    expect(driver.linkStatus()).toBe('down');
    expectOutcome(await run(driver.dispense(req())), 'failed', 'nothing was sent');
    expect(dispenses()).toEqual([]);
  });

  it('reads hardware config, drop sensor and locker door state', async () => {
    const { driver, run } = setup({ boards: [{ addr: 1, rows: 6, columns: 8, lift: true }] });
    expect(await run(driver.hardwareConfig(1))).toEqual({
      ok: true,
      value: { rows: 6, columns: 8, flags: 3 },
    });
    expect(await run(driver.dropSensor(1))).toEqual({ ok: true, value: 'clear' });
    expect(await run(driver.boxStatus(1, 12))).toEqual({ ok: true, value: 'closed' });
    expect(await run(driver.dispense(req({ slot: 12, type: 2 })))).toEqual({ outcome: 'success' });
    expect(await run(driver.boxStatus(1, 12))).toEqual({ ok: true, value: 'open' });
    expect(await run(driver.boxStatus(1, 99))).toMatchObject({ ok: false, error: { code: 'exception' } });
    expect(await run(driver.resetLift(1))).toEqual({ ok: true, value: undefined });
  });
});
