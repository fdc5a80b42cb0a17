import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSimCloud } from '../../../electron/cli/commands/sim-cloud';
import { runCli } from '../../../electron/cli/main';
import { demoCredentials } from '../../../electron/sim/cloud/demo-seed';
import { captureCliIo } from '../../fakes/capture-cli-io';
import { describeWithMosquitto } from '../../helpers/describe-with-mosquitto';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto';
import { minimalConfig } from '../../unit/core/config/machine-config-fixture';

// The demo's fake credentials, as `sim cloud` prints them when none are in the environment.
const env = {
  KIOSK_APPID: demoCredentials.appId,
  KIOSK_APPSECRET: demoCredentials.appSecret,
  KIOSK_APPKEY: demoCredentials.appKey,
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kioskctl-sim-broker-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `sim cloud` in-process until the returned stop is called. */
const simCloud = (args: string[]) => {
  const io = captureCliIo({ cwd: dir, env: {} });
  let stop = (): void => undefined;
  const until = new Promise<void>((resolve) => {
    stop = resolve;
  });
  return { io, stop, done: runSimCloud(args, io, until) };
};

describe('kioskctl sim cloud --broker: flags', () => {
  it.each([
    [['--machine-id', '1'], /--machine-id needs --broker/],
    [['--broker', 'mqtt://broker.example.com'], /--broker must be an mqtts:\/\/ URL/],
    [['--broker', 'mqtt://127.0.0.1:1883', '--machine-id', 'abc'], /--machine-id must be digits/],
  ])('refuses %j', async (args, message) => {
    const io = captureCliIo({ env: {} });
    expect(await runCli(['sim', 'cloud', ...args], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
  });
});

describeWithMosquitto('kioskctl sim cloud --broker over a real mosquitto', () => {
  let broker: Mosquitto;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => {
    await broker.stop();
  });

  it('pushes what `cloud create` and `cloud cancel` do, as `mqtt watch` shows', async () => {
    const sim = simCloud(['--broker', broker.url]);
    await expect.poll(() => sim.io.stdout.length).toBeGreaterThan(2);
    expect(sim.io.stdout[1]).toBe(
      `broker: ${broker.url}, machine_id 900001: codes created or cancelled are pushed to /clients/12345678, signed with the AppKey (liveLink.signWith "appKey")`,
    );
    const baseUrl = /listening on (\S+)/.exec(sim.io.stdout[0] ?? '')?.[1] ?? '';
    const cloud = async (argv: string[]) => {
      const io = captureCliIo({ env });
      const code = await runCli(['cloud', ...argv, '--base-url', baseUrl, '--machine-no', '12345678'], io);
      expect(code, io.all()).toBe(0);
      return io.stdout.join('\n');
    };

    await writeFile(
      join(dir, 'machine.json'),
      JSON.stringify({ ...minimalConfig(), liveLink: { brokerUrl: broker.url, machineId: '900001' } }),
    );
    const watchIo = captureCliIo({ cwd: dir, env });
    const watching = runCli(['mqtt', 'watch', '--config', 'machine.json', '--count', '2'], watchIo);
    await expect.poll(() => watchIo.stdout.some((l) => l.startsWith('watching '))).toBe(true);

    await cloud(['create', '--product-id', '103', '--count', '1', '--code-length', '8']);
    await expect.poll(() => watchIo.stdout.some((l) => l.includes('client.pickup_codes.create'))).toBe(true);
    const codes = JSON.parse(await cloud(['codes', '--product-id', '103'])) as { id: number; code: string }[];
    const made = codes.at(-1);
    if (!made) throw new Error('no code listed');
    await cloud(['cancel', '--id', String(made.id)]);
    expect(await watching).toBe(0);

    const lines = watchIo.stdout.filter((l) => /^\S+Z \/clients\/12345678 /.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/ client\.pickup_codes\.create sign ok \{.*"machine_id":"900001"/) as unknown,
      expect.stringMatching(/ client\.pickup_codes\.delete sign ok \{.*"id":"\d+"/) as unknown,
    ]);
    expect(lines[0]).toContain(`"id":"${made.id}"`);
    expect(lines[0]).toContain(`"code":"******${made.code.slice(-2)}"`);
    expect(lines[1]).toContain(`"id":"${made.id}"`);

    sim.stop();
    expect(await sim.done).toBe(0);
  });

  it('says so when nothing listens at --broker', async () => {
    const sim = simCloud(['--broker', 'mqtt://127.0.0.1:1']);
    expect(await sim.done).toBe(1);
    expect(sim.io.stderr).toEqual([
      expect.stringMatching(
        /^sim cloud: could not connect to the MQTT broker at mqtt:\/\/127\.0\.0\.1:1/,
      ) as unknown,
    ]);
  });
});
