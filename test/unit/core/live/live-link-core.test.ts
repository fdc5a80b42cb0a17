import { afterEach, describe, expect, it } from 'vitest';
import { openLiveMessage, sealLiveMessage } from '../../../../electron/core/live/live-message';
import { FakeLiveTransport } from '../../../fakes/fake-live-transport';
import { startHarness, type Harness } from '../redemption/harness';

const KEY = 'TEST-APPKEY-not-real';
const MACHINE = '12345678';
const IN = `/clients/${MACHINE}`;

type Rig = { h: Harness; transport: FakeLiveTransport; power: string[] };

const start = async (liveLink: Record<string, unknown> = {}): Promise<Rig> => {
  const transport = new FakeLiveTransport();
  const power: string[] = [];
  const h = await startHarness(
    {
      liveLink: { brokerUrl: 'mqtt://127.0.0.1:1883', machineId: '77', reconnectMaxSeconds: 60, ...liveLink },
    },
    true,
    undefined,
    {
      live: {
        transport,
        keys: { appKey: KEY, appId: 'TEST-APPID-not-real' },
        env: () => ({
          appVersion: '1.2.3',
          os: 'linux',
          osVersion: '6.1',
          screenWidth: 1080,
          screenHeight: 1920,
          language: 'en',
        }),
        power: (action) => {
          power.push(action);
          return Promise.resolve();
        },
      },
    },
  );
  await h.clock.advance(0);
  return { h, transport, power };
};

/** What the platform received, opened with the key (every one must verify). */
const sent = (t: FakeLiveTransport): Record<string, string>[] =>
  t.published.map((p) => {
    const opened = openLiveMessage(p.body, KEY);
    if (!opened.ok) throw new Error(`kiosk sent a message that does not verify: ${opened.error}`);
    return opened.value;
  });
const methods = (t: FakeLiveTransport): string[] => sent(t).map((m) => m.method ?? '');

/** A message from the platform, signed and stamped with the kiosk's clock unless told otherwise. */
const push = (
  r: Rig,
  fields: Record<string, string>,
  options: { key?: string; at?: number } = {},
): string => {
  const body = sealLiveMessage(
    { machine_id: '77', client_id: MACHINE, status: '0', ...fields },
    options.key ?? KEY,
    (options.at ?? r.h.clock.now()) / 1000,
  ).body;
  r.transport.deliver(IN, body);
  return body;
};

const createFields = (code: string, id: string, productId = '101') => ({
  method: 'client.pickup_codes.create',
  id,
  product_id: productId,
  code,
  quantity: '1',
  used: '0',
});

const errorOf = (result: Awaited<ReturnType<Harness['core']['submitCode']>>): string =>
  result.ok ? result.value.outcome : result.error.code;

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.h.core.stop();
  rig = null;
});

describe('the live link in the core (fake broker, manual clock)', () => {
  it('connects at start with a signed will, then tells the platform about the machine', async () => {
    rig = await start();
    const will = rig.transport.lastConnect?.will;
    expect(will?.topic).toBe('/server/app');
    const opened = openLiveMessage(will?.body ?? '', KEY);
    expect(opened.ok && opened.value.method).toBe('client.offline');
    expect(rig.transport.lastConnect?.subscribe).toBe(IN);
    expect(methods(rig.transport)).toEqual(['client.machine.env.put']);
    expect(sent(rig.transport)[0]).toMatchObject({
      app_version: '1.2.3',
      machine_id: '77',
      client_id: MACHINE,
    });
  });

  it('sends a heartbeat every 5 minutes of kiosk time', async () => {
    rig = await start();
    await rig.h.clock.advance(15 * 60_000);
    const beats = sent(rig.transport).filter((m) => m.method === 'client.heartbeat');
    expect(beats).toHaveLength(3);
    const times = beats.map((b) => Number(b.timestamp));
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(300);
    expect(times[1]! - times[0]!).toBeLessThanOrEqual(301);
    expect(times[2]! - times[1]!).toBeLessThanOrEqual(301);
  });

  it('keeps every message through a 10-minute outage and sends them in order after reconnecting', async () => {
    rig = await start();
    const r = rig;
    r.transport.cut();
    await r.h.clock.advance(10 * 60_000);
    expect(r.h.core.diagnostics().liveLink?.state).toBe('waiting');
    const waiting = r.h.core.diagnostics().liveLink?.waiting ?? 0;
    expect(waiting).toBe(2);
    const before = r.transport.published.length;
    r.transport.restore();
    await r.h.clock.advance(60_000);
    const after = methods(r.transport).slice(before);
    expect(after).toEqual(['client.heartbeat', 'client.heartbeat', 'client.machine.env.put']);
    expect(r.h.core.diagnostics().liveLink).toMatchObject({ state: 'up', waiting: 0 });
  });

  it('backs off between failed attempts, doubling up to the cap', async () => {
    rig = await start({ reconnectMaxSeconds: 8 });
    rig.transport.cut();
    const at = rig.transport.attempts;
    await rig.h.clock.advance(1000 + 2000 + 4000 + 8000 + 8000);
    expect(rig.transport.attempts - at).toBe(5);
  });

  it('makes a pushed code redeemable at once, with no refresh, and reports the consume', async () => {
    rig = await start();
    const lists = rig.h.cloud.calls.filter((c) => c.call === 'listCodes').length;
    // A code the cloud knows, pushed as the platform would push it.
    const made = rig.h.state.createCodes({ productId: 101, count: 1, codeLength: 8, expiresAt: null });
    const code = made.ok ? made.value[0] : undefined;
    if (!code) throw new Error('no code');
    push(rig, createFields(code.code, String(code.id)));
    const result = await rig.h.core.submitCode(code.code);
    expect(errorOf(result)).toBe('success');
    expect(rig.h.cloud.calls.filter((c) => c.call === 'listCodes').length).toBe(lists);
    await rig.h.clock.advance(0);
    const used = sent(rig.transport).find((m) => m.method === 'client.pickup_codes.put');
    expect(used).toMatchObject({ id: String(code.id), used: '1' });
    // The clear code is never kept: only the log's record id and product.
    expect(rig.h.logger.text()).not.toContain(code.code);
  });

  it('refuses a deleted code at once without a consume', async () => {
    rig = await start();
    push(rig, createFields('55550001', '9001'));
    push(rig, { method: 'client.pickup_codes.delete', id: '9001' });
    const result = await rig.h.core.submitCode('55550001');
    expect(errorOf(result)).toBe('unknown-code');
    expect(rig.h.cloud.calls.filter((c) => c.call === 'consume')).toHaveLength(0);
  });

  it('drops forged, stale, future, replayed and foreign messages, counting each', async () => {
    rig = await start();
    push(rig, createFields('55550002', '9002'), { key: 'TEST-WRONG-KEY' });
    push(rig, createFields('55550003', '9003'), { at: rig.h.clock.now() - 301_000 });
    push(rig, createFields('55550004', '9004'), { at: rig.h.clock.now() + 301_000 });
    const good = push(rig, createFields('55550005', '9005'));
    push(rig, { method: 'client.pickup_codes.delete', id: '9005' });
    rig.transport.deliver(IN, good);
    rig.transport.deliver(IN, 'not base64 at all');
    push(rig, { ...createFields('55550006', '9006'), client_id: '87654321' });
    // The forged, the replayed and the foreign one (five would lock the keypad: they are wrong codes now).
    for (const code of ['55550002', '55550005', '55550006'])
      expect(errorOf(await rig.h.core.submitCode(code))).toBe('unknown-code');
    expect(rig.h.core.diagnostics().liveLink?.dropped).toEqual({
      'bad-signature': 1,
      stale: 1,
      future: 1,
      replayed: 1,
      'not-base64-json': 1,
      'wrong-machine': 1,
    });
    expect(rig.h.cloud.calls.filter((c) => c.call === 'consume')).toHaveLength(0);
  });

  it('applies and keeps a pushed idle timeout and language, within range', async () => {
    rig = await start();
    push(rig, {
      method: 'client.machine.config.push',
      idle_timeout: '90',
      language: 'zh_CN',
      price_digits: '2',
    });
    expect(rig.h.core.getState()).toMatchObject({ idleTimeoutSeconds: 90, language: 'zh-CN' });
    push(rig, { method: 'client.machine.config.push', idle_timeout: '5000' });
    expect(rig.h.core.getState().idleTimeoutSeconds).toBe(90);
    await rig.h.core.stop();
    const again = await rig.h.restart();
    expect(again.getState()).toMatchObject({ idleTimeoutSeconds: 90, language: 'zh-CN' });
    await again.stop();
  });

  it('applies and keeps the pushed language list and attract switch; the start language is always offered', async () => {
    rig = await start();
    expect(rig.h.core.getState()).toMatchObject({
      language: 'en',
      languages: ['en', 'zh-CN'],
      attract: true,
    });
    push(rig, { method: 'client.machine.config.push', languages: 'zh_CN', standby_ads_enabled: '0' });
    // The list left out the start language (en): it is put first rather than leaving a customer without it.
    expect(rig.h.core.getState()).toMatchObject({ languages: ['en', 'zh-CN'], attract: false });
    push(rig, { method: 'client.machine.config.push', language: 'zh_CN' });
    expect(rig.h.core.getState()).toMatchObject({ language: 'zh-CN', languages: ['zh-CN'] });
    await rig.h.core.stop();
    const again = await rig.h.restart();
    expect(again.getState()).toMatchObject({ language: 'zh-CN', languages: ['zh-CN'], attract: false });
    await again.stop();
  });

  it('test-dispenses from the dashboard when nobody is using the kiosk, and reports the slot back', async () => {
    rig = await start();
    await rig.h.clock.advance(61_000);
    push(rig, {
      method: 'client.channel.debugging',
      addr: '1',
      code: '100',
      floor_type: '1',
      order_type: 'test',
    });
    await rig.h.clock.advance(0);
    expect(rig.h.board.dispensed).toHaveLength(1);
    expect(rig.h.board.dispensed[0]).toMatchObject({ addr: 1, slot: 0 });
    const report = sent(rig.transport).find((m) => m.method === 'client.channel.status.put');
    expect(report).toMatchObject({ product_id: '101', floor_status: '1' });
  });

  it('refuses a dashboard test dispense while a customer was here less than a minute ago', async () => {
    rig = await start();
    await rig.h.core.submitCode('00000000');
    push(rig, { method: 'client.channel.debugging', addr: '1', code: '100', order_type: 'test' });
    await rig.h.clock.advance(0);
    expect(rig.h.board.dispensed).toHaveLength(0);
    expect(rig.h.logger.has('live.test-refused')).toBe(true);
  });

  it('clears a quarantined slot on the vendor fault clear, never an unknown outcome', async () => {
    rig = await start();
    const at = rig.h.clock.now();
    rig.h.store.lockSlot({
      addr: 1,
      slot: 0,
      kind: 'quarantine',
      reason: 'Goods are Stuck',
      redemptionId: null,
      lockedAt: at,
    });
    rig.h.store.lockSlot({
      addr: 1,
      slot: 1,
      kind: 'unknown',
      reason: 'no answer',
      redemptionId: null,
      lockedAt: at,
    });
    push(rig, { method: 'client.channel.fault.clear', product_ids: '101,102', floor_status: '1' });
    expect(rig.h.store.getSlotLock(1, 0)).toBeNull();
    expect(rig.h.store.getSlotLock(1, 1)).not.toBeNull();
  });

  it('reboots only after the screen has been idle for a minute, and only when allowed', async () => {
    rig = await start({ allowPowerCommands: true });
    await rig.h.core.submitCode('00000000');
    push(rig, { method: 'client.machine.reboot' });
    await rig.h.clock.advance(30_000);
    expect(rig.power).toEqual([]);
    await rig.h.clock.advance(35_000);
    expect(rig.power).toEqual(['reboot']);
  });

  it('logs the power commands without acting when they are not allowed', async () => {
    rig = await start();
    push(rig, { method: 'client.machine.shutdown' });
    await rig.h.clock.advance(120_000);
    expect(rig.power).toEqual([]);
    expect(rig.h.logger.has('live.power-ignored')).toBe(true);
  });

  it('polls far less while the link is up, and at the usual pace once it drops', async () => {
    rig = await start({ refreshSecondsWhileUp: 3600 });
    const refreshes = (): number => rig?.h.cloud.calls.filter((c) => c.call === 'listProducts').length ?? 0;
    const first = refreshes();
    await rig.h.clock.advance(50 * 60_000);
    expect(refreshes()).toBe(first);
    rig.transport.cut();
    await rig.h.clock.advance(10 * 60_000 + 1000);
    expect(refreshes()).toBeGreaterThanOrEqual(first + 1);
  });

  it('answers a typo from the cache without a refresh while the link is up', async () => {
    rig = await start();
    await rig.h.clock.advance(120_000);
    const lists = rig.h.cloud.calls.filter((c) => c.call === 'listProducts').length;
    expect(errorOf(await rig.h.core.submitCode('99999999'))).toBe('unknown-code');
    await rig.h.clock.advance(0);
    expect(rig.h.cloud.calls.filter((c) => c.call === 'listProducts').length).toBe(lists);
  });
});

describe('a dashboard command replayed after a restart', () => {
  it('is not acted on again: the signs of motor and power commands are kept', async () => {
    rig = await start();
    await rig.h.clock.advance(61_000);
    const body = push(rig, {
      method: 'client.channel.debugging',
      addr: '1',
      code: '100',
      order_type: 'test',
    });
    await rig.h.clock.advance(0);
    expect(rig.h.board.dispensed).toHaveLength(1);
    await rig.h.core.stop();
    // A new core on the same journal and broker: its in-memory replay guard is empty.
    const again = await rig.h.restart();
    await rig.h.clock.advance(0);
    rig.transport.deliver(IN, body);
    await rig.h.clock.advance(0);
    expect(rig.h.board.dispensed).toHaveLength(1);
    expect(again.diagnostics().liveLink?.dropped).toEqual({ replayed: 1 });
    await again.stop();
  });
});
