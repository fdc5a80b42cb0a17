import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aedes, type AedesOptions } from 'aedes';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runMqttWatch } from '../../../electron/cli/commands/mqtt-watch';
import { runCli } from '../../../electron/cli/main';
import { sealLiveMessage } from '../../../electron/core/live/live-message';
import { computeSign } from '../../../electron/core/protocol/sign';
import { captureCliIo, type CapturedIo } from '../../fakes/capture-cli-io';
import { describeWithMosquitto } from '../../helpers/describe-with-mosquitto';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto';
import { minimalConfig } from '../../unit/core/config/machine-config-fixture';

// Obviously fake secrets: the point is that none of them ever shows in the output.
const key = 'FAKE-APPKEY-not-a-real-one';
const mqttPassword = 'FAKE-mqtt-password-not-real';
const env = { KIOSK_APPKEY: key, KIOSK_MQTT_USERNAME: 'fake-user', KIOSK_MQTT_PASSWORD: mqttPassword };
const machineNo = '12345678';
const topicIn = `/clients/${machineNo}`;

let dir: string;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kioskctl-mqtt-live-'));
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const machineFile = async (name: string, brokerUrl: string): Promise<string> => {
  await writeFile(
    join(dir, name),
    JSON.stringify({ ...minimalConfig(), liveLink: { brokerUrl, machineId: '424242' } }),
  );
  return name;
};

const mqtt = (argv: string[]): { io: CapturedIo; done: Promise<number> } => {
  const io = captureCliIo({ cwd: dir, env });
  return { io, done: runCli(['mqtt', ...argv], io) };
};

const client = async (url: string, clientId: string, clean = true): Promise<MqttClient> => {
  const c = await connectAsync(url, { clientId, clean, reconnectPeriod: 0 }, false);
  cleanups.push(() => c.endAsync());
  return c;
};

const noSecrets = (io: CapturedIo): void => {
  expect(io.all()).not.toContain(key);
  expect(io.all()).not.toContain(mqttPassword);
};

describeWithMosquitto('kioskctl mqtt against a real mosquitto', () => {
  let broker: Mosquitto;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => {
    await broker.stop();
  });

  it('check connects beside the kiosk, shows the heartbeat it would sign, publishes nothing', async () => {
    const config = await machineFile('machine.json', broker.url);
    // The running kiosk's own session, and the platform's side listening for what machines send.
    const kiosk = await client(broker.url, machineNo, false);
    await kiosk.subscribeAsync(topicIn, { qos: 1 });
    let kioskDropped = false;
    kiosk.on('close', () => (kioskDropped = true));
    const platform = await client(broker.url, 'test-platform');
    const sent: string[] = [];
    platform.on('message', (topic) => sent.push(topic));
    await platform.subscribeAsync('/server/app', { qos: 1 });

    const { io, done } = mqtt(['check', '--config', config]);
    expect(await done).toBe(0);
    expect(io.stderr).toEqual([]);
    const [heartbeatLine, signedLine] = io.stdout.slice(-2);
    expect(io.stdout.slice(0, -2)).toEqual([
      `broker: ${broker.url}`,
      "client id: 12345678-check (clean session, no will: the kiosk's own 12345678 is left alone)",
      'topics: in /clients/12345678, out /server/app',
      'login: user from KIOSK_MQTT_USERNAME, password from KIOSK_MQTT_PASSWORD',
      'connected',
      'subscribed to /clients/12345678',
      'first heartbeat, signed with $KIOSK_APPKEY, NOT published to /server/app:',
    ]);
    const fields = JSON.parse(heartbeatLine ?? '') as Record<string, string>;
    expect(fields).toEqual({
      machine_id: '424242',
      client_id: machineNo,
      status: '0',
      method: 'client.heartbeat',
      network_type: 'ETHERNET',
      uptime_minutes_today: expect.stringMatching(/^\d+$/) as unknown,
      timestamp: expect.stringMatching(/^\d{10}$/) as unknown,
      sign: expect.stringMatching(/^[0-9A-F]{32}$/) as unknown,
    });
    expect(computeSign(fields, key).sign).toBe(fields.sign);
    expect(signedLine).toBe(
      `signed string: client_id=12345678&machine_id=424242&method=client.heartbeat&network_type=ETHERNET` +
        `&status=0&timestamp=${fields.timestamp}&uptime_minutes_today=${fields.uptime_minutes_today}&key=***`,
    );
    noSecrets(io);

    await new Promise((r) => setTimeout(r, 200));
    expect(sent).toEqual([]);
    expect(kioskDropped).toBe(false);
    expect(kiosk.connected).toBe(true);
  });

  it('watch --count 2 prints each message with its signature verdict and the code masked', async () => {
    const config = await machineFile('machine.json', broker.url);
    const { io, done } = mqtt(['watch', '--config', config, '--count', '2']);
    await expect.poll(() => io.stdout.some((l) => l.startsWith('watching '))).toBe(true);
    expect(io.stdout).toContain('watching /clients/12345678 and /server/app until 2 messages or Ctrl-C');

    const cloud = await client(broker.url, 'test-cloud');
    const common = { machine_id: '424242', client_id: machineNo, status: '0' };
    const push = sealLiveMessage(
      { ...common, method: 'client.pickup_codes.create', id: '9001', product_id: '103', code: '12345667' },
      key,
      Date.now() / 1000,
    );
    await cloud.publishAsync(topicIn, push.body, { qos: 1 });
    await expect.poll(() => io.stdout.some((l) => l.includes('client.pickup_codes.create'))).toBe(true);
    const forged = sealLiveMessage(
      { ...common, method: 'client.heartbeat', network_type: 'ETHERNET' },
      'FAKE-wrong-key',
      Date.now() / 1000,
    );
    await cloud.publishAsync('/server/app', forged.body, { qos: 1 });

    expect(await done).toBe(0);
    const lines = io.stdout.filter((l) => /^\d{4}-\d\d-\d\dT/.test(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\S+Z \/clients\/12345678 client\.pickup_codes\.create sign ok \{.*"code":"\*{6}67".*\}$/,
    );
    expect(lines[1]).toMatch(
      /^\S+Z \/server\/app client\.heartbeat sign BAD \{.*"network_type":"ETHERNET".*\}$/,
    );
    expect(io.all()).not.toContain('12345667');
    expect(io.all()).not.toMatch(/"sign"/);
    expect(io.stdout.at(-1)).toBe('2 messages (count reached)');
    noSecrets(io);
  });

  it('watch --seconds ends by itself when nothing comes; a signal ends it too', async () => {
    const config = await machineFile('machine.json', broker.url);
    const { io, done } = mqtt(['watch', '--config', config, '--seconds', '1']);
    expect(await done).toBe(0);
    expect(io.stdout.at(-1)).toBe('0 messages (time up)');
    const stopped = captureCliIo({ cwd: dir, env });
    expect(await runMqttWatch(['--config', config], stopped, Promise.resolve())).toBe(0);
    expect(stopped.stdout).toContain('watching /clients/12345678 and /server/app until Ctrl-C');
    expect(stopped.stdout.at(-1)).toBe('0 messages (stopped)');
  });
});

/** An in-process broker with a login or topic rule, for the refusals mosquitto's test config does not make. */
const pickyBroker = async (options: AedesOptions): Promise<string> => {
  const aedes = await Aedes.createBroker(options);
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    aedes.handle(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    await new Promise<void>((resolve) => {
      aedes.close(() => {
        resolve();
      });
    });
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  });
  return `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('kioskctl mqtt failures, one line each', () => {
  it('a refused login', async () => {
    const url = await pickyBroker({
      authenticate: (_client, _user, _password, done) => {
        done(Object.assign(new Error('no'), { returnCode: 5 as const }), false);
      },
    });
    const { io, done } = mqtt(['check', '--config', await machineFile('login.json', url)]);
    expect(await done).toBe(1);
    expect(io.stderr).toEqual([
      'kioskctl mqtt check: the broker refused the login (Connection refused: Not authorized): check KIOSK_MQTT_USERNAME / KIOSK_MQTT_PASSWORD',
    ]);
    expect(io.stdout).not.toContain('connected');
    noSecrets(io);
  });

  it('a refused subscription; watch keeps the topic it was allowed', async () => {
    const url = await pickyBroker({
      authorizeSubscribe: (_client, sub, done) => {
        done(null, sub.topic === topicIn ? null : sub);
      },
    });
    const config = await machineFile('acl.json', url);
    const check = mqtt(['check', '--config', config]);
    expect(await check.done).toBe(1);
    expect(check.io.stderr).toEqual([
      'kioskctl mqtt check: the broker refused the subscription to /clients/12345678',
    ]);
    const watch = mqtt(['watch', '--config', config, '--seconds', '1']);
    expect(await watch.done).toBe(0);
    expect(watch.io.stderr).toEqual([
      'warning: the broker refused the subscription to /clients/12345678; not watched',
    ]);
    expect(watch.io.stdout).toContain('watching /server/app until 1 s or Ctrl-C');
  });

  it('watch gives up when every topic is refused', async () => {
    const url = await pickyBroker({
      authorizeSubscribe: (_client, _sub, done) => {
        done(null, null);
      },
    });
    const { io, done } = mqtt(['watch', '--config', await machineFile('deny.json', url)]);
    expect(await done).toBe(1);
    expect(io.stderr).toEqual([
      'kioskctl mqtt watch: the broker refused the subscription to /clients/12345678 and /server/app',
    ]);
  });

  it('an unreachable broker', async () => {
    const closed = await pickyBroker({});
    const port = Number(new URL(closed).port);
    // Nothing listens there once it is stopped.
    await cleanups.pop()?.();
    const url = `mqtt://127.0.0.1:${port}`;
    const config = await machineFile('gone.json', url);
    for (const sub of ['check', 'watch']) {
      const { io, done } = mqtt([sub, '--config', config]);
      expect(await done).toBe(1);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toMatch(
        new RegExp(
          `^kioskctl mqtt ${sub}: broker mqtt://127\\.0\\.0\\.1:${port} unreachable \\(.*ECONNREFUSED`,
        ),
      );
      noSecrets(io);
    }
  });
});
