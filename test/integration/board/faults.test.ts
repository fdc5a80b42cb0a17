import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BoardRig } from '../../helpers/board-rig';
import { dispenseReq as req, startBoardRig } from '../../helpers/board-rig';
import { describeWithSocat } from '../../helpers/describe-with-socat';
import { expectOutcome } from '../../helpers/expect-outcome';

describeWithSocat(
  'board faults: the real driver through serialport against the simulator process (socat pty)',
  () => {
    let rig: BoardRig;
    beforeAll(async () => {
      rig = await startBoardRig();
    });
    afterAll(async () => {
      await rig.stop();
    });
    const trial = (fault: object | null, request = req()) => rig.trial(fault, request);

    it('dispenses for real: success, one command on the wire, one item in the ledger', async () => {
      const t = await trial(null, req({ dropCheck: true }));
      expect(t.outcome).toEqual({ outcome: 'success' });
      expect([t.dispenses, t.dropped()]).toEqual([1, 1]);
    });

    it.each([
      ['jam', 'Goods are Stuck', 0x15],
      ['no-current', 'Load No Current', 0x11],
      ['busy', 'slave busy', 6],
    ] as const)('%s: failed with an operator reason, nothing dropped', async (kind, reason, code) => {
      const t = await trial({ kind });
      expectOutcome(t.outcome, 'failed', reason, code);
      expect([t.dispenses, t.dropped()]).toEqual([1, 0]);
    });

    it('motor timeout: unknown when the busy window ends, and the board later reports Feedback Error', async () => {
      const mark = rig.sim.lines.length;
      const t = await trial({ kind: 'motor-timeout' });
      expectOutcome(t.outcome, 'unknown', 'busy window');
      await rig.sim.waitFor((l) => l.event === 'settled' && l.faultCode === 0x13, 5000, mark);
      expect([t.dispenses, t.dropped()]).toEqual([1, 0]);
    });

    it('a blocked drop sensor makes a real drop unknown, never a failure', async () => {
      const t = await trial({ kind: 'sensor-blocked' }, req({ dropCheck: true }));
      expectOutcome(t.outcome, 'unknown', 'Dlv Detect Error');
      expect([t.dispenses, t.dropped()]).toEqual([1, 1]);
      await rig.sim.control({ cmd: 'clear-faults' });
    });

    it('drives a second board on the same line, and sends nothing to an absent one', async () => {
      expect((await trial(null, req({ addr: 2, slot: 7 }))).outcome).toEqual({ outcome: 'success' });
      const absent = await trial(null, req({ addr: 5 }));
      expectOutcome(absent.outcome, 'failed', 'not answering');
      expect(absent.dispenses).toBe(0);
    });

    it('reads status, hardware config, drop sensor and door state over the wire', async () => {
      expect(await rig.driver.shipmentStatus(1)).toMatchObject({ ok: true });
      expect(await rig.driver.hardwareConfig(1)).toEqual({
        ok: true,
        value: { rows: 10, columns: 10, flags: 1 },
      });
      expect(await rig.driver.dropSensor(2)).toEqual({ ok: true, value: 'blocked-or-missing' });
      expect(await rig.driver.boxStatus(1, 3)).toEqual({ ok: true, value: 'closed' });
    });
  },
);
