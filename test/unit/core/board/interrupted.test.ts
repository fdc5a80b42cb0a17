import { describe, expect, it } from 'vitest';
import { createBoardDriver } from '../../../../electron/core/board/create-board-driver';
import type { DispenseRequest, InterruptedContext } from '../../../../electron/core/ports/board';
import { decodeRequest } from '../../../../electron/core/protocol/modbus/request-decoder';
import { shipmentStatusReply } from '../../../../electron/core/protocol/modbus/reply-encoder';
import { dispenseCommand } from '../../../../electron/core/protocol/modbus/requests';
import { createInProcessBoard } from '../../../../electron/sim/board/in-process';
import { FakeSerialLink } from '../../../fakes/fake-serial-link';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { expectOutcome } from '../../../helpers/expect-outcome';
import { runWithClock } from '../../../helpers/run-with-clock';

const req: DispenseRequest = { addr: 1, slot: 4, type: 1, dropCheck: false, lift: false };

const notAccepted: InterruptedContext = { accepted: false, machineRestarted: false };
const accepted: InterruptedContext = { accepted: true, machineRestarted: false };

const withStatuses = (statuses: [number, number][] | null, context: InterruptedContext = notAccepted) => {
  const clock = new ManualClock();
  const link = new FakeSerialLink();
  let i = 0;
  link.respond(() => {
    if (!statuses) return;
    const [run, fault] = statuses[Math.min(i++, statuses.length - 1)] ?? [0, 0];
    link.emitData(shipmentStatusReply(1, run, fault));
  });
  const driver = createBoardDriver({
    link,
    clock,
    logger: new MemoryLogger(),
    pollIntervalMs: 100,
    busyWindowMs: 1000,
  });
  return { link, run: () => runWithClock(clock, driver.assessInterrupted(req, context)) };
};

describe('assessInterrupted (crash recovery)', () => {
  it.each([
    [
      'busy, then done: it was this dispense',
      [
        [1, 0],
        [1, 0],
        [2, 0],
      ],
      'success',
    ],
    [
      'busy, then a jam',
      [
        [1, 0],
        [3, 0x15],
      ],
      'failed',
    ],
    ['idle, never acknowledged: the command never reached the board', [[0, 0]], 'failed'],
    ['a stuck-goods fault', [[3, 0x15]], 'failed'],
    ['done, never acknowledged: may be an earlier dispense', [[2, 0]], 'unknown'],
    ['busy past the window', [[1, 0]], 'unknown'],
    ['done after the board acknowledged this command: it is this one', [[2, 0]], 'success', accepted],
    ['idle after the board acknowledged: it restarted mid-run', [[0, 0]], 'unknown', accepted],
    ['a jam after the board acknowledged', [[3, 0x15]], 'failed', accepted],
    [
      'idle, never acknowledged, but the machine restarted since: a reset board proves nothing',
      [[0, 0]],
      'unknown',
      { accepted: false, machineRestarted: true },
    ],
    [
      'done after acknowledging, across a machine restart: still this command',
      [[2, 0]],
      'success',
      { accepted: true, machineRestarted: true },
    ],
  ] as [string, [number, number][], string, InterruptedContext?][])(
    '%s',
    async (_name, statuses, expected, context) => {
      const t = withStatuses(statuses, context);
      expect((await t.run()).outcome).toBe(expected);
      expect(t.link.written.every((f) => decodeRequest(f).op !== 'dispense')).toBe(true);
    },
  );

  it('is unknown when the board does not answer', async () => {
    expectOutcome(await withStatuses(null).run(), 'unknown', 'cannot be read');
  });

  it('follows a dispense the kiosk lost track of to its end on the simulator, sending only reads', async () => {
    const clock = new ManualClock();
    const board = createInProcessBoard({
      config: { motorMs: { lock: 100, spring: 600, conveyor: 600, timed: 600 } },
      clock,
    });
    // A previous kiosk process sent the command and died before reading any reply.
    board.sim.receive(
      dispenseCommand(1, { slot: req.slot, type: req.type, check: false, lift: false }).frame,
    );
    await clock.advance(100);
    const second = createBoardDriver({
      link: board.link,
      clock,
      logger: new MemoryLogger(),
      pollIntervalMs: 50,
    });
    expect(await runWithClock(clock, second.assessInterrupted(req, notAccepted))).toEqual({
      outcome: 'success',
    });
    expect(board.sim.received().filter((r) => r.op === 'dispense')).toHaveLength(1);
    expect(board.ledger.entries()).toHaveLength(1);
    await board.close();
  });
});
