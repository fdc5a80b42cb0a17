import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BoardRig } from '../../helpers/board-rig';
import { dispenseReq as req, startBoardRig } from '../../helpers/board-rig';
import { describeWithSocat } from '../../helpers/describe-with-socat';
import { expectOutcome } from '../../helpers/expect-outcome';

describeWithSocat(
  'lost and spoiled replies: the real driver through serialport against the simulator process (socat pty)',
  () => {
    let rig: BoardRig;
    beforeAll(async () => {
      rig = await startBoardRig();
    });
    afterAll(async () => {
      await rig.stop();
    });
    const trial = (fault: object | null, request = req()) => rig.trial(fault, request);

    it.each(['lost-reply', 'corrupt-crc', 'wrong-address'] as const)(
      '%s on the dispense reply: the status shows the motor running, the command is never sent twice',
      async (kind) => {
        const t = await trial({ kind }, req({ type: 4 }));
        expect(t.outcome).toEqual({ outcome: 'success' });
        expect([t.dispenses, t.dropped()]).toEqual([1, 1]);
      },
    );

    it('a lost reply to a dispense that finished before the status read, after an earlier "done", stays unknown', async () => {
      expect((await trial(null)).outcome).toEqual({ outcome: 'success' });
      // 60 ms of motor, 400 ms of reply timeout: the status reads "done" again and nobody can tell whose.
      const t = await trial({ kind: 'lost-reply' });
      expectOutcome(t.outcome, 'unknown', 'previous "done"');
      expect([t.dispenses, t.dropped()]).toEqual([1, 1]);
    });

    it('garbage bytes before every reply are skipped', async () => {
      const t = await trial({ kind: 'garbage', on: 'any', times: 4 });
      expect(t.outcome).toEqual({ outcome: 'success' });
      expect([t.dispenses, t.dropped()]).toEqual([1, 1]);
    });

    it('lost status replies are asked again', async () => {
      const t = await trial({ kind: 'lost-reply', on: 'shipment-status', times: 1 });
      expect(t.outcome).toEqual({ outcome: 'success' });
      expect(rig.logger.has('board.read.retry')).toBe(true);
    });

    it('dispense reply lost and the board then silent: unknown, one command on the wire, and the item did drop', async () => {
      const mark = rig.sim.lines.length;
      const pending = trial({ kind: 'lost-reply' });
      await rig.sim.waitFor((l) => l.event === 'request' && l.op === 'dispense', 5000, mark);
      await rig.sim.control({
        cmd: 'fault',
        fault: { kind: 'lost-reply', on: 'shipment-status', times: 'always' },
      });
      const t = await pending;
      await rig.sim.control({ cmd: 'clear-faults' });
      expectOutcome(t.outcome, 'unknown', 'cannot be read');
      expect([t.dispenses, t.dropped()]).toEqual([1, 1]);
    });
  },
);
