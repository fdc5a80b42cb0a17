import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeWithMosquitto } from '../../helpers/describe-with-mosquitto';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto';
import { startLiveRig, waitFor, type LiveRig } from '../../helpers/live-rig';

/** A fresh 8-digit code for product 101, made the way the vendor makes one: the simulated cloud pushes it. */
const createCode = (rig: LiveRig): string => {
  const made = rig.cloud.state.createCodes({ productId: 101, count: 1, codeLength: 8, expiresAt: null });
  if (!made.ok) throw new Error(made.error.message);
  const code = made.value[0];
  if (!code) throw new Error('no code made');
  return code.code;
};

const countOf = (rig: LiveRig, event: string): number =>
  rig.logger.lines.filter((l) => l.event === event).length;
const consumes = (rig: LiveRig): number =>
  rig.cloud.requests.filter((r) => r.path.endsWith('/consumes')).length;
const codeLists = (rig: LiveRig): number =>
  rig.cloud.requests.filter((r) => r.path.endsWith('/pickup_code')).length;

describeWithMosquitto('the live link against a real broker (mosquitto on 127.0.0.1)', () => {
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
  const up = async (): Promise<LiveRig> => {
    rig = await startLiveRig(broker.url);
    const r = rig;
    await waitFor(() => r.logger.has('live.up'));
    return r;
  };

  it(
    'redeems a code within a second of the push, with no refresh and no extra cloud call',
    { timeout: 20_000 },
    async () => {
      const r = await up();
      const listsBefore = codeLists(r);
      const created = countOf(r, 'live.code-created');
      const code = createCode(r);
      const tookMs = await waitFor(() => countOf(r, 'live.code-created') > created, 1000);
      expect(tookMs).toBeLessThan(1000);
      const result = await r.core.submitCode(code);
      expect(result.ok && result.value.outcome).toBe('success');
      expect(codeLists(r)).toBe(listsBefore);
      // The platform hears of the consume over the link too, signed.
      await waitFor(
        () => r.cloud.live?.received.some((m) => m.method === 'client.pickup_codes.put') ?? false,
      );
    },
  );

  it(
    'refuses a deleted code at once, without asking the cloud to consume it',
    { timeout: 20_000 },
    async () => {
      const r = await up();
      const code = createCode(r);
      await waitFor(() => r.logger.has('live.code-created'));
      const made = r.cloud.state.codes().find((c) => c.code === code);
      if (!made) throw new Error('code not in the cloud');
      r.cloud.state.cancelCode(made.id);
      await waitFor(() => r.logger.has('live.code-deleted'));
      const before = consumes(r);
      const result = await r.core.submitCode(code);
      expect(result.ok ? result.value : result.error.code).toBe('unknown-code');
      expect(consumes(r)).toBe(before);
    },
  );

  it('changes nothing for a forged or a replayed message', { timeout: 20_000 }, async () => {
    const r = await up();
    const side = r.cloud.live;
    if (!side) throw new Error('no live side');
    const push = (code: string, id: string) => ({
      method: 'client.pickup_codes.create',
      id,
      product_id: '101',
      code,
      quantity: '1',
      used: '0',
    });
    await side.publish(push('77001100', '9001'), { key: 'TEST-WRONG-KEY' });
    await waitFor(() =>
      r.logger.lines.some((l) => l.event === 'live.dropped' && l.fields.reason === 'bad-signature'),
    );
    const created = await side.publish(push('77001101', '9002'));
    await waitFor(() => r.logger.has('live.code-created'));
    await side.publish({ method: 'client.pickup_codes.delete', id: '9002' });
    await waitFor(() => r.logger.has('live.code-deleted'));
    await side.publishRaw(created);
    await waitFor(() =>
      r.logger.lines.some((l) => l.event === 'live.dropped' && l.fields.reason === 'replayed'),
    );
    const before = consumes(r);
    for (const code of ['77001100', '77001101']) {
      const result = await r.core.submitCode(code);
      expect(result.ok ? result.value : result.error.code).toBe('unknown-code');
    }
    expect(consumes(r)).toBe(before);
    expect(countOf(r, 'live.code-created')).toBe(1);
  });

  it('loses no outgoing message across a broker restart', { timeout: 30_000 }, async () => {
    const r = await up();
    const code = createCode(r);
    await waitFor(() => r.logger.has('live.code-created'));
    await broker.restart();
    // Redeemed while the kiosk may still be reconnecting: the report waits in the outbox.
    const result = await r.core.submitCode(code);
    expect(result.ok && result.value.outcome).toBe('success');
    await waitFor(
      () => r.cloud.live?.received.some((m) => m.method === 'client.pickup_codes.put') ?? false,
      15_000,
    );
    expect(r.logger.lines.filter((l) => l.event === 'live.up').length).toBeGreaterThanOrEqual(2);
  });
});
