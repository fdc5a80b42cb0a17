import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LinkStatus } from '../../../electron/core/ports/serial-link';
import { readLedger } from '../../../electron/sim/board/ledger';
import type { BoardRig } from '../../helpers/board-rig';
import { startBoardRig } from '../../helpers/board-rig';
import { describeWithSocat } from '../../helpers/describe-with-socat';
import { expectOutcome } from '../../helpers/expect-outcome';

const req = { addr: 1, slot: 5, type: 2, dropCheck: true, lift: false } as const;

const waitForStatus = (
  rig: BoardRig,
  seen: LinkStatus[],
  want: LinkStatus,
  timeoutMs = 8000,
): Promise<void> =>
  new Promise((resolve, reject) => {
    if (rig.link.status() === want) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`link never became ${want}; saw ${seen.join(' → ')}`));
    }, timeoutMs);
    const stop = rig.driver.onLinkStatus((s) => {
      if (s !== want) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });

describeWithSocat('unplugging the board: the simulator process is killed and restarted mid-session', () => {
  let rig: BoardRig;
  const seen: LinkStatus[] = [];
  beforeAll(async () => {
    rig = await startBoardRig({
      link: {
        heartbeatIntervalMs: 150,
        heartbeatFailures: 2,
        reconnect: { initialDelayMs: 100, maxDelayMs: 300 },
      },
      driver: { requestTimeoutMs: 120, readAttempts: 2 },
    });
    rig.link.setHeartbeat(async () => (await rig.driver.shipmentStatus(1)).ok);
    rig.driver.onLinkStatus((s) => seen.push(s));
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('reports down, refuses to dispense blind, then reconnects and dispenses again', async () => {
    await waitForStatus(rig, seen, 'connected');
    expect(await rig.driver.dispense(req)).toEqual({ outcome: 'success' });

    await rig.sim.kill();
    await waitForStatus(rig, seen, 'down');
    const mark = readLedger(rig.ledgerPath).length;
    expectOutcome(await rig.driver.dispense(req), 'failed', 'nothing was sent');
    await waitForStatus(rig, seen, 'reconnecting');

    const sim = await rig.restartSim();
    await waitForStatus(rig, seen, 'connected');
    expect(seen.slice(seen.indexOf('down'))).toEqual(
      expect.arrayContaining(['down', 'reconnecting', 'connected']),
    );
    const from = sim.lines.length;
    expect(await rig.driver.dispense(req)).toEqual({ outcome: 'success' });
    expect(sim.dispensesSince(from)).toBe(1);
    // The ledger on disk outlived the simulator process: one drop before, one after, numbered on.
    const ledger = readLedger(rig.ledgerPath);
    expect(ledger.length).toBe(mark + 1);
    expect(ledger.map((e) => e.seq)).toEqual([1, 2]);
  });
});
