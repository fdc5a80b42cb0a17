import { describe, expect, it } from 'vitest';
import { openLiveMessage, sealLiveMessage } from '../../../../electron/core/live/live-message';
import {
  channelStatus,
  codeUsed,
  envPut,
  heartbeat,
  offline,
  productPut,
  testResult,
  type OutgoingFields,
} from '../../../../electron/core/live/outgoing';

const key = 'TEST-APPKEY-not-real';
const common = { machineId: '4021', machineNo: '12345678' };
const head = (method: string) => ({ machine_id: '4021', client_id: '12345678', status: '0', method });

const built: readonly [string, OutgoingFields, Record<string, string>][] = [
  [
    'heartbeat',
    heartbeat(common, { networkType: '4G', rssi: -67, uptimeMinutesToday: 125 }),
    { ...head('client.heartbeat'), network_type: '4G', network_rssi: '-67', uptime_minutes_today: '125' },
  ],
  [
    'heartbeat without rssi, minutes cut to whole',
    heartbeat(common, { networkType: 'wifi', uptimeMinutesToday: 12.9 }),
    { ...head('client.heartbeat'), network_type: 'wifi', uptime_minutes_today: '12' },
  ],
  [
    'offline',
    offline(common, { reason: 'network_timeout' }),
    { ...head('client.offline'), reason: 'network_timeout' },
  ],
  [
    'env',
    envPut(common, {
      appVersion: '0.1.0',
      os: 'linux',
      osVersion: '6.8.0',
      screenWidth: 1080,
      screenHeight: 1920,
      language: 'zh-CN',
    }),
    {
      ...head('client.machine.env.put'),
      app_version: '0.1.0',
      os: 'linux',
      os_version: '6.8.0',
      screen_width: '1080',
      screen_height: '1920',
      language: 'zh-CN',
    },
  ],
  [
    'env with brightness and volume',
    envPut(common, {
      appVersion: '0.1.0',
      os: 'win32',
      osVersion: '10.0.19045',
      screenWidth: 1920,
      screenHeight: 1080,
      language: 'en',
      brightness: 80,
      volume: 0,
    }),
    {
      ...head('client.machine.env.put'),
      app_version: '0.1.0',
      os: 'win32',
      os_version: '10.0.19045',
      screen_width: '1920',
      screen_height: '1080',
      language: 'en',
      brightness: '80',
      volume: '0',
    },
  ],
  [
    'code used',
    codeUsed(common, { codeId: 2111 }),
    { ...head('client.pickup_codes.put'), id: '2111', used: '1' },
  ],
  [
    'channel status',
    channelStatus(common, { productId: 131, floorStatus: 47, lockStatus: -1 }),
    { ...head('client.channel.status.put'), product_id: '131', floor_status: '47', lock_status: '-1' },
  ],
  [
    'product on shelf',
    productPut(common, { productId: 131, currentInventory: 0, onShelf: true }),
    { ...head('client.product.put'), product_id: '131', current_inventory: '0', operation: '1' },
  ],
  [
    'product off shelf',
    productPut(common, { productId: 131, currentInventory: 4, onShelf: false }),
    { ...head('client.product.put'), product_id: '131', current_inventory: '4', operation: '0' },
  ],
  [
    'test result',
    testResult(common, { productId: 131, outcome: 'jammed' }),
    { ...head('client.channel.status.put'), product_id: '131', floor_status: '2', lock_status: '-1' },
  ],
];

describe('outgoing messages', () => {
  it.each(built)('%s: exactly these fields', (_name, fields, expected) => {
    expect(fields).toEqual(expected);
  });

  it.each(built)('%s: sealed and opened again, the same fields plus timestamp and sign', (_name, fields) => {
    const sealed = sealLiveMessage(fields, key, 1_760_000_000);
    const opened = openLiveMessage(sealed.body, key);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const { timestamp, sign, ...rest } = opened.value;
    expect(rest).toEqual(fields);
    expect(timestamp).toBe('1760000000');
    expect(sign).toMatch(/^[0-9A-F]{32}$/);
    expect(Object.values(opened.value).every((value) => typeof value === 'string')).toBe(true);
  });

  it.each([
    ['done', '1'],
    ['slot-missing', '0'],
    ['jammed', '2'],
    ['motor-fault', '3'],
    ['serial-timeout', '47'],
  ] as const)('a test that ended %s reports floor_status %s', (outcome, floorStatus) => {
    expect(testResult(common, { productId: 5, outcome, lockStatus: 1 })).toMatchObject({
      floor_status: floorStatus,
      lock_status: '1',
    });
  });

  it('leaves an empty machine id out, as sealing would, so what is built is what is sent', () => {
    const fields = codeUsed({ machineId: '', machineNo: '12345678' }, { codeId: 1 });
    expect(fields).not.toHaveProperty('machine_id');
    const opened = openLiveMessage(sealLiveMessage(fields, key, 1_760_000_000).body, key);
    expect(opened.ok && !('machine_id' in opened.value)).toBe(true);
  });

  it('never writes a number in exponent form: a value that would need one is a bug', () => {
    expect(() => codeUsed(common, { codeId: 1e21 })).toThrow(RangeError);
    expect(() => heartbeat(common, { networkType: '4G', uptimeMinutesToday: Number.NaN })).toThrow(
      RangeError,
    );
  });
});
