import { connect, connectAsync, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openLiveMessage, sealLiveMessage, type LiveFields } from '../../../electron/core/live/live-message';
import { demoSeed } from '../../../electron/sim/cloud/demo-seed';
import { attachLiveSide, type LiveSide } from '../../../electron/sim/cloud/live-side';
import { startSimCloud } from '../../../electron/sim/cloud/server';
import { SimCloudState } from '../../../electron/sim/cloud/state';
import { describeWithMosquitto } from '../../helpers/describe-with-mosquitto';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto';

const key = 'TEST-APPKEY-not-real';
const machineId = '424242';
const now = (): number => Date.UTC(2026, 0, 10, 4, 0, 0);
const day = 86_400_000;

let broker: Mosquitto;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const until = async (check: () => boolean, timeoutMs = 3000): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** The kiosk's end, as a plain MQTT.js client: every body it gets on /clients/<machineNo>. */
const machineClient = async (): Promise<{ client: MqttClient; bodies: string[] }> => {
  const client = await connectAsync(broker.url, { clientId: 'test-kiosk', reconnectPeriod: 0 }, false);
  cleanups.push(() => client.endAsync());
  const bodies: string[] = [];
  client.on('message', (_topic, payload) => bodies.push(payload.toString('utf8')));
  await client.subscribeAsync('/clients/12345678', { qos: 1 });
  return { client, bodies };
};

const liveSide = async (state: SimCloudState): Promise<LiveSide> => {
  const live = await attachLiveSide(state, {
    brokerUrl: broker.url,
    machineNo: '12345678',
    machineId,
    key,
    now,
  });
  cleanups.push(() => live.close());
  return live;
};

const opened = (body: string): LiveFields => {
  const result = openLiveMessage(body, key);
  if (!result.ok) throw new Error(`message did not verify: ${result.error}`);
  return result.value;
};

describeWithMosquitto('sim cloud live side over a real mosquitto', () => {
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => {
    await broker.stop();
  });

  it('pushes a signed client.pickup_codes.create for every code the state creates', async () => {
    const { bodies } = await machineClient();
    const state = new SimCloudState(demoSeed(), { now });
    await liveSide(state);
    const made = state.createCodes({ productId: 103, count: 2, codeLength: 8, expiresAt: now() + 3 * day });
    if (!made.ok) throw new Error('createCodes failed');
    await until(() => bodies.length === 2);
    const [first, second] = bodies.map(opened);
    expect(first).toEqual({
      method: 'client.pickup_codes.create',
      id: String(made.value[0]!.id),
      product_id: '103',
      code: made.value[0]!.code,
      quantity: '1',
      expired_at: String(now() + 3 * day),
      expired_day: '3',
      used: '0',
      machine_id: machineId,
      client_id: '12345678',
      status: '0',
      timestamp: String(now() / 1000),
      sign: expect.stringMatching(/^[0-9A-F]{32}$/) as unknown,
    });
    expect(second?.code).toBe(made.value[1]!.code);

    state.createCodes({ productId: 101, count: 1, codeLength: 8, expiresAt: null });
    await until(() => bodies.length === 3);
    const forever = opened(bodies[2]!);
    expect(forever).not.toHaveProperty('expired_at');
    expect(forever).not.toHaveProperty('expired_day');
  });

  it('pushes client.pickup_codes.delete when a code is cancelled', async () => {
    const { bodies } = await machineClient();
    const state = new SimCloudState(demoSeed(), { now });
    await liveSide(state);
    expect(state.cancelCode(5001).ok).toBe(true);
    await until(() => bodies.length === 1);
    expect(opened(bodies[0]!)).toMatchObject({ method: 'client.pickup_codes.delete', id: '5001' });
  });

  it('records what the kiosk signs with the key, counts forgeries and garbage, never records them', async () => {
    const { client } = await machineClient();
    const live = await liveSide(new SimCloudState(demoSeed(), { now }));
    const heartbeat = {
      method: 'client.heartbeat',
      machine_id: machineId,
      client_id: '12345678',
      status: '0',
    };
    const forged = sealLiveMessage({ ...heartbeat, network_type: 'forged' }, 'TEST-WRONG-KEY-not-real', 1);
    await client.publishAsync('/server/app', forged.body, { qos: 1 });
    await client.publishAsync('/server/app', 'not base64 at all', { qos: 1 });
    const good = sealLiveMessage({ ...heartbeat, network_type: '4G' }, key, now() / 1000);
    await client.publishAsync('/server/app', good.body, { qos: 1 });
    await until(() => live.received.length === 1);
    // QoS 1 from one client on one topic arrives in order: the two bad ones were handled before the good one.
    expect(live.rejected).toEqual({ 'not-base64-json': 1, unsigned: 0, 'bad-signature': 1 });
    expect(live.received).toEqual([{ method: 'client.heartbeat', fields: good.fields, at: now() }]);
    expect(live.heartbeats()).toHaveLength(1);
  });

  it('is started and closed by startSimCloud when given a broker', async () => {
    const { bodies } = await machineClient();
    const cloud = await startSimCloud({
      credentials: { appId: 'TEST-APPID-not-real', appSecret: 'TEST-SECRET-not-real', appKey: key },
      now,
      live: { brokerUrl: broker.url, machineId, key },
    });
    cleanups.push(() => cloud.close());
    const forged = await cloud.live!.publish(
      { method: 'client.machine.refresh' },
      { key: 'TEST-WRONG-not-real' },
    );
    await cloud.live!.publishRaw(forged);
    await until(() => bodies.length === 2);
    expect(bodies).toEqual([forged, forged]);
    expect(openLiveMessage(forged, key)).toEqual({ ok: false, error: 'bad-signature' });
    await cloud.close();
    expect(cloud.live!.publishFailures).toEqual([]);
  });

  it('keeps a persistent session and its queued QoS 1 message across restart()', async () => {
    const options = { clientId: 'test-persistent', clean: false, reconnectPeriod: 0 };
    const sleeper = await connectAsync(broker.url, options, false);
    await sleeper.subscribeAsync('/clients/12345678', { qos: 1 });
    await sleeper.endAsync();
    const { client } = await machineClient();
    await client.publishAsync('/clients/12345678', 'while you slept', { qos: 1 });
    await client.endAsync();
    await broker.restart();
    // The handler goes on before CONNACK: the queued message may come in the same read.
    const woken = connect(broker.url, options);
    cleanups.push(() => woken.endAsync());
    const got: string[] = [];
    woken.on('message', (_topic, payload) => got.push(payload.toString('utf8')));
    await until(() => got.length === 1);
    expect(got).toEqual(['while you slept']);
  });

  it('the live side reconnects after the broker restarts and pushes again', async () => {
    const state = new SimCloudState(demoSeed(), { now });
    const live = await liveSide(state);
    await broker.restart();
    const { bodies } = await machineClient();
    state.cancelCode(5002);
    await until(() => bodies.length === 1);
    expect(opened(bodies[0]!)).toMatchObject({ method: 'client.pickup_codes.delete', id: '5002' });
    expect(live.publishFailures).toEqual([]);
  });

  it('fails to attach, with the broker named, when nothing listens there', async () => {
    const state = new SimCloudState(demoSeed(), { now });
    const options = { brokerUrl: 'mqtt://127.0.0.1:1', machineNo: '12345678', machineId, key, now };
    await expect(attachLiveSide(state, options)).rejects.toThrow(
      /could not connect to the MQTT broker at mqtt:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/,
    );
  });
});
