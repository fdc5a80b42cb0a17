import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectFailureLine } from '../../../electron/cli/commands/mqtt-failure';
import { watchLine } from '../../../electron/cli/commands/mqtt-watch-line';
import { runCli } from '../../../electron/cli/main';
import { sealLiveMessage } from '../../../electron/core/live/live-message';
import { captureCliIo } from '../../fakes/capture-cli-io';
import { minimalConfig } from '../core/config/machine-config-fixture';

const fakeKey = 'FAKE-APPKEY-for-tests-only';
const fakeAppId = 'fake-appid-for-tests';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kioskctl-mqtt-'));
  await writeFile(join(dir, 'polling.json'), JSON.stringify(minimalConfig()));
  const live = { brokerUrl: 'mqtt://127.0.0.1:1883', machineId: '424242' };
  await writeFile(join(dir, 'live.json'), JSON.stringify({ ...minimalConfig(), liveLink: live }));
  await writeFile(
    join(dir, 'live-appid.json'),
    JSON.stringify({ ...minimalConfig(), liveLink: { ...live, signWith: 'appId' } }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = async (argv: string[], env: Record<string, string> = { KIOSK_APPKEY: fakeKey }) => {
  const io = captureCliIo({ cwd: dir, env });
  const code = await runCli(['mqtt', ...argv], io);
  // A usage error is one stderr write: the reason, then the usage line.
  return { code, io, reason: io.stderr.join('\n').split('\n')[0] };
};

describe('kioskctl mqtt: argument errors', () => {
  it('needs a known sub-command', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.io.stderr.join('\n')).toMatch(
      /^kioskctl mqtt: missing sub-command\nusage: kioskctl mqtt check/,
    );
    expect((await run(['publish'])).reason).toBe('kioskctl mqtt: unknown sub-command "publish"');
  });

  it.each(['check', 'watch'])('%s needs --config', async (sub) => {
    const { code, reason } = await run([sub]);
    expect(code).toBe(2);
    expect(reason).toBe('kioskctl mqtt: --config is required');
  });

  it.each(['check', 'watch'])('%s says when the machine file has no broker', async (sub) => {
    const { code, io } = await run([sub, '--config', 'polling.json']);
    expect(code).toBe(1);
    expect(io.stderr).toEqual([
      'polling.json: liveLink.brokerUrl is not set, so this machine has no live link (it polls only)',
    ]);
    expect(io.stdout).toEqual([]);
  });

  it('says when the machine file is missing or invalid', async () => {
    expect((await run(['check', '--config', 'nope.json'])).io.stderr).toEqual(['nope.json: no such file']);
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...minimalConfig(), machineNo: '1' }));
    const bad = await run(['check', '--config', 'bad.json']);
    expect(bad.code).toBe(1);
    expect(bad.io.stderr[0]).toBe('bad.json is not a valid machine file:');
    expect(bad.io.stderr[1]).toMatch(/^ {2}- machineNo: /);
  });

  it('takes the signing key named by signWith from the environment', async () => {
    const noKey = await run(['check', '--config', 'live.json'], { KIOSK_APPID: fakeAppId });
    expect(noKey.code).toBe(2);
    expect(noKey.reason).toBe('kioskctl mqtt: $KIOSK_APPKEY is missing (liveLink.signWith is "appKey")');
    const noAppId = await run(['watch', '--config', 'live-appid.json'], { KIOSK_APPKEY: fakeKey });
    expect(noAppId.code).toBe(2);
    expect(noAppId.reason).toBe('kioskctl mqtt: $KIOSK_APPID is missing (liveLink.signWith is "appId")');
  });

  it('wants the broker login whole or not at all, and never echoes it', async () => {
    const half = await run(['check', '--config', 'live.json'], {
      KIOSK_APPKEY: fakeKey,
      KIOSK_MQTT_PASSWORD: 'fake-broker-password',
    });
    expect(half.code).toBe(2);
    expect(half.reason).toMatch(/^kioskctl mqtt: \$KIOSK_MQTT_USERNAME is missing \(set both/);
    expect(half.io.all()).not.toContain('fake-broker-password');
  });

  it('refuses bad numbers and stray arguments', async () => {
    const cases: [string[], RegExp][] = [
      [['check', '--config', 'live.json', '--timeout-seconds', '0'], /--timeout-seconds must be 1–300/],
      [['check', '--config', 'live.json', 'extra'], /unexpected argument "extra"/],
      [['watch', '--config', 'live.json', '--count', '0'], /--count must be 1 or more/],
      [['watch', '--config', 'live.json', '--seconds', 'soon'], /--seconds must be a whole number/],
      [['watch', '--config', 'live.json', '--topic', 'x'], /unknown option --topic/],
    ];
    for (const [argv, message] of cases) {
      const { code, reason } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(reason).toMatch(message);
    }
  });
});

describe('mqtt watch lines', () => {
  const at = new Date(Date.UTC(2026, 0, 10, 4, 0, 0));
  const fields = { method: 'client.pickup_codes.create', id: '7', code: '12345667', client_id: '12345678' };

  it('shows the fields with the code masked and the sign left out', () => {
    const { body } = sealLiveMessage(fields, fakeKey, 1_768_017_600);
    expect(watchLine(at, '/clients/12345678', Buffer.from(body), fakeKey)).toBe(
      '2026-01-10T04:00:00.000Z /clients/12345678 client.pickup_codes.create sign ok ' +
        '{"method":"client.pickup_codes.create","id":"7","code":"******67","client_id":"12345678","timestamp":"1768017600"}',
    );
  });

  it('says BAD for another key or no sign, and masks a pushed password', () => {
    const forged = sealLiveMessage(fields, 'FAKE-other-key', 1_768_017_600).body;
    expect(watchLine(at, '/t', Buffer.from(forged), fakeKey)).toMatch(
      / client\.pickup_codes\.create sign BAD \{/,
    );
    const unsigned = Buffer.from(
      JSON.stringify({ method: 'client.machine.password.modified', password: 'p4ss' }),
    );
    const line = watchLine(at, '/t', Buffer.from(unsigned.toString('base64')), fakeKey);
    expect(line).toBe(
      '2026-01-10T04:00:00.000Z /t client.machine.password.modified sign BAD (unsigned) ' +
        '{"method":"client.machine.password.modified","password":"***"}',
    );
  });

  it('names a body that is not base64 JSON', () => {
    expect(watchLine(at, '/t', Buffer.from('hello'), fakeKey)).toBe(
      '2026-01-10T04:00:00.000Z /t ? unreadable: payload is not standard base64 (5 bytes)',
    );
  });
});

describe('mqtt failure lines', () => {
  it('tells a refused login, a refused subscription and an unreachable broker apart', () => {
    const url = 'mqtts://broker.example.com:8883';
    const topics = ['/clients/12345678'];
    expect(connectFailureLine('Connection refused: Not authorized', url, topics)).toBe(
      'the broker refused the login (Connection refused: Not authorized): check KIOSK_MQTT_USERNAME / KIOSK_MQTT_PASSWORD',
    );
    expect(connectFailureLine('the broker refused the subscription', url, topics)).toBe(
      'the broker refused the subscription to /clients/12345678',
    );
    expect(connectFailureLine('subscribe failed: client disconnecting', url, topics)).toBe(
      'the broker refused the subscription to /clients/12345678 (subscribe failed: client disconnecting)',
    );
    expect(connectFailureLine('connect ECONNREFUSED 127.0.0.1:8883', url, topics)).toBe(
      'broker mqtts://broker.example.com:8883 unreachable (connect ECONNREFUSED 127.0.0.1:8883)',
    );
    expect(connectFailureLine('Connection refused: Identifier rejected', url, topics)).toBe(
      'the broker refused the connection (Connection refused: Identifier rejected)',
    );
  });
});
