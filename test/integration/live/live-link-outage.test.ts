import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../fakes/manual-clock';
import { describeWithMosquitto } from '../../helpers/describe-with-mosquitto';
import { startLiveRig, type LiveRig } from '../../helpers/live-rig';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto';

const realMs = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Kiosk time on a manual clock, real time for the broker and HTTP: each step advances the clock, then lets the
 * sockets run for a moment.
 */
const pump = async (clock: ManualClock, ms: number, stepMs = 1000): Promise<void> => {
  for (let t = 0; t < ms; t += stepMs) {
    await clock.advance(stepMs);
    await realMs(2);
  }
};

const until = async (clock: ManualClock, check: () => boolean, maxMs = 120_000): Promise<void> => {
  for (let t = 0; !check(); t += 200) {
    if (t > maxMs) throw new Error(`not reached within ${maxMs} ms of kiosk time`);
    await clock.advance(200);
    await realMs(3);
  }
};

describeWithMosquitto(
  'the live link through a broker outage, on kiosk time (mosquitto, manual clock)',
  () => {
    let broker: Mosquitto;
    let rig: LiveRig | null = null;
    beforeAll(async () => {
      broker = await startMosquitto();
    });
    afterAll(async () => {
      await broker.stop();
    });
    afterEach(async () => {
      await rig?.stop();
      rig = null;
    });

    it(
      'sends a heartbeat every 5 minutes and loses none through a 10-minute outage',
      { timeout: 90_000 },
      async () => {
        // Mid-morning, so "minutes up today" cannot wrap at midnight during the 25 minutes of kiosk time.
        const morning = new Date();
        morning.setHours(10, 0, 0, 0);
        const clock = new ManualClock(morning.getTime());
        const r = await startLiveRig(broker.url, { clock, start: false });
        rig = r;
        let started = false;
        void r.core.start().then(() => {
          started = true;
        });
        await until(clock, () => started && r.logger.has('live.up'));
        const side = r.cloud.live;
        if (!side) throw new Error('no live side');
        const beats = () => side.heartbeats();

        await pump(clock, 15 * 60_000);
        await until(clock, () => beats().length >= 3);
        const at = beats().map((b) => b.at);
        expect(at).toHaveLength(3);
        for (let i = 1; i < at.length; i++) {
          expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(298_000);
          expect(at[i]! - at[i - 1]!).toBeLessThanOrEqual(302_000);
        }

        await broker.pause();
        await pump(clock, 10 * 60_000);
        expect(r.core.diagnostics().liveLink?.waiting).toBe(2);
        await broker.resume();
        await until(clock, () => beats().length >= 5);
        const uptime = beats().map((b) => Number(b.fields.uptime_minutes_today));
        // In the order they were made, none lost, none twice: 5, 10, 15, then the two made while the broker was away.
        expect(uptime).toEqual([...uptime].sort((a, b) => a - b));
        expect(new Set(uptime).size).toBe(5);
        // The kiosk drops a message from its queue on the broker's PUBACK, which may come after the broker has
        // already handed the message on: wait for the queue to empty rather than read it at once.
        await until(clock, () => r.core.diagnostics().liveLink?.waiting === 0);
        expect(r.core.diagnostics().liveLink).toMatchObject({ state: 'up', waiting: 0 });
        expect(side.rejected).toEqual({ 'not-base64-json': 0, unsigned: 0, 'bad-signature': 0 });
      },
    );
  },
);
