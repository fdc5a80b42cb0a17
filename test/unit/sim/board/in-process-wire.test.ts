import { describe, expect, it } from 'vitest';
import { createBoardDriver } from '../../../../electron/core/board/create-board-driver';
import { createInProcessBoard } from '../../../../electron/sim/board/in-process';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { runWithClock } from '../../../helpers/run-with-clock';

const statusRoundTrip = async (baud: number | undefined): Promise<number> => {
  const clock = new ManualClock();
  const board = createInProcessBoard({ clock, config: { replyDelayMs: 0 }, ...(baud ? { baud } : {}) });
  const driver = createBoardDriver({ link: board.link, clock, logger: new MemoryLogger() });
  const started = clock.now();
  const status = await runWithClock(clock, driver.shipmentStatus(1), 1);
  expect(status.ok).toBe(true);
  await board.close();
  return clock.now() - started;
};

describe('the in-process board on an emulated 9600-baud line', () => {
  it('takes the wire time of the request and the reply: 8 + 7 bytes at 10 bits each', async () => {
    // 150 bits at 9600 baud is 15.6 ms; the manual clock steps 1 ms at a time.
    const wire = await statusRoundTrip(9600);
    expect(wire).toBeGreaterThanOrEqual(15);
    expect(wire).toBeLessThanOrEqual(18);
    expect(await statusRoundTrip(undefined)).toBeLessThanOrEqual(1);
  });
});
