import { describe, expect, it } from 'vitest';
import { parseLiveCommand } from '../../../../electron/core/live/incoming';

const common = {
  timestamp: '1760000000',
  machine_id: '4021',
  client_id: '12345678',
  status: '0',
  sign: '0C59AD369ED0E8F5AD06610EBBE6F263',
};
const msg = (method: string, own: Record<string, string> = {}) => ({ ...common, method, ...own });

const created = (own: Record<string, string> = {}) =>
  msg('client.pickup_codes.create', {
    id: '2111',
    product_id: '131',
    code: '48213977',
    quantity: '2',
    expired_at: '1760086400000',
    expired_day: '1',
    used: '0',
    ...own,
  });
const without = (fields: Record<string, string>, key: string) =>
  Object.fromEntries(Object.entries(fields).filter(([k]) => k !== key));
const problemOf = (fields: Record<string, string>): string => {
  const result = parseLiveCommand(fields);
  if (result.ok) throw new Error('expected a problem');
  return result.error.problem;
};

describe('client.pickup_codes.create', () => {
  it('reads a new code', () => {
    expect(parseLiveCommand(created())).toEqual({
      ok: true,
      value: {
        kind: 'code-created',
        codeId: 2111,
        productId: 131,
        code: '48213977',
        quantity: 2,
        expiresAt: 1_760_086_400_000,
      },
    });
  });

  it.each([
    ['absent', without(created(), 'expired_at')],
    ['"0"', created({ expired_at: '0' })],
    ['""', created({ expired_at: '' })],
  ])('an expiry that is %s means never', (_name, fields) => {
    expect(parseLiveCommand(fields)).toMatchObject({ ok: true, value: { expiresAt: null } });
  });

  it.each(['1', '3'])('accepts quantity %s', (quantity) => {
    expect(parseLiveCommand(created({ quantity }))).toMatchObject({
      ok: true,
      value: { quantity: Number(quantity) },
    });
  });

  it('reads an omitted quantity as one item, the Open API default', () => {
    expect(parseLiveCommand(without(created(), 'quantity'))).toMatchObject({
      ok: true,
      value: { quantity: 1 },
    });
  });

  it.each(['123456', '1234567890'])('accepts a code of %s digits at the length edges', (code) => {
    expect(parseLiveCommand(created({ code }))).toMatchObject({ ok: true, value: { code } });
  });

  it.each([
    ['quantity 0', { quantity: '0' }, 'quantity'],
    ['quantity 4', { quantity: '4' }, 'quantity'],
    ['quantity -1', { quantity: '-1' }, 'quantity'],
    ['quantity 2.0', { quantity: '2.0' }, 'quantity'],
    ['a code with letters', { code: '4821A977' }, 'code'],
    ['a code of 5 digits', { code: '48213' }, 'code'],
    ['a code of 11 digits', { code: '48213977123' }, 'code'],
    ['a code with a space', { code: ' 48213977' }, 'code'],
    ['id 0', { id: '0' }, 'id'],
    ['an id in hex', { id: '0x83' }, 'id'],
    ['a product id with a sign', { product_id: '+131' }, 'product_id'],
    ['an expiry with an exponent', { expired_at: '1.7e12' }, 'expired_at'],
  ])('refuses %s, naming the field', (_name, own, field) => {
    const result = parseLiveCommand(created(own));
    expect(result).toMatchObject({ ok: false, error: { method: 'client.pickup_codes.create' } });
    expect(problemOf(created(own))).toMatch(new RegExp(`^${field} must be`));
  });

  it.each(['id', 'product_id', 'code'])('refuses a message without %s', (field) => {
    expect(problemOf(without(created(), field))).toBe(`${field} is missing`);
  });

  it('never repeats the code in a problem', () => {
    for (const code of ['4821A977', '48213', '99999999999']) {
      expect(problemOf(created({ code }))).not.toContain(code);
    }
  });
});

describe('client.pickup_codes.delete', () => {
  it('reads the withdrawn code id', () => {
    expect(parseLiveCommand(msg('client.pickup_codes.delete', { id: '2111' }))).toEqual({
      ok: true,
      value: { kind: 'code-deleted', codeId: 2111 },
    });
  });

  it.each([
    [{}, 'id is missing'],
    [{ id: 'abc' }, 'id must be a record id of plain digits'],
    [{ id: '0' }, 'id must be a record id of plain digits'],
  ])('refuses %j', (own, problem) => {
    expect(problemOf(msg('client.pickup_codes.delete', own))).toBe(problem);
  });
});

describe('client.machine.config.push', () => {
  const push = (own: Record<string, string>) => parseLiveCommand(msg('client.machine.config.push', own));

  it('applies what the kiosk has, lists the rest as ignored, not the common keys', () => {
    expect(
      push({
        language: 'zh_CN',
        idle_timeout: '90',
        price_digits: '2',
        standby_ads_enabled: '1',
        standby_ads_autoplay: '0',
        payment_wait_timeout: '60',
      }),
    ).toEqual({
      ok: true,
      value: {
        kind: 'config-push',
        settings: { language: 'zh-CN', idleTimeoutSeconds: 90, attract: true },
        ignored: ['payment_wait_timeout', 'price_digits', 'standby_ads_autoplay'],
        refused: [],
      },
    });
  });

  it.each([
    ['29', undefined],
    ['30', 30],
    ['180', 180],
    ['181', undefined],
    ['60s', undefined],
    ['-60', undefined],
  ])('idle_timeout %s', (idle_timeout, applied) => {
    expect(push({ idle_timeout })).toEqual({
      ok: true,
      value: {
        kind: 'config-push',
        settings: applied === undefined ? {} : { idleTimeoutSeconds: applied },
        ignored: [],
        refused: applied === undefined ? ['idle_timeout'] : [],
      },
    });
  });

  it.each([
    ['zh_CN', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['ZH_cn', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['cn', 'zh-CN'],
    ['CN', 'zh-CN'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en_US', 'en'],
    ['en-US', 'en'],
    [' en ', 'en'],
  ])('reads the vendor spelling %j as %s', (language, expected) => {
    expect(push({ language })).toMatchObject({
      ok: true,
      value: { settings: { language: expected }, refused: [] },
    });
  });

  it.each(['zh_TW', 'zh-HK', 'fr', 'english', 'en_GB_x'])('refuses the language %j', (language) => {
    expect(push({ language })).toMatchObject({ ok: true, value: { settings: {}, refused: ['language'] } });
  });

  it.each([
    ['en,zh_CN', ['en', 'zh-CN']],
    ['zh_CN, en', ['zh-CN', 'en']],
    ['["cn","en_US"]', ['zh-CN', 'en']],
    ['en,EN,en-US', ['en']],
  ])('reads the language list %j as %j', (languages, expected) => {
    expect(push({ languages })).toMatchObject({
      ok: true,
      value: { settings: { languages: expected }, refused: [] },
    });
  });

  it.each(['en,fr', '[en]', '{"en":1}', ',', '[]', '[1]'])('refuses the language list %j', (languages) => {
    expect(push({ languages })).toMatchObject({
      ok: true,
      value: { settings: {}, refused: ['languages'] },
    });
  });

  it.each([
    ['1', true],
    ['0', false],
    ['true', true],
    [' FALSE ', false],
  ])('reads standby_ads_enabled %j as the attract screen %s', (standby_ads_enabled, attract) => {
    expect(push({ standby_ads_enabled })).toMatchObject({ ok: true, value: { settings: { attract } } });
  });

  it('refuses a standby_ads_enabled that is not on or off', () => {
    expect(push({ standby_ads_enabled: 'yes' })).toMatchObject({
      ok: true,
      value: { settings: {}, refused: ['standby_ads_enabled'] },
    });
  });

  it('is a command even with nothing in it', () => {
    expect(push({})).toEqual({
      ok: true,
      value: { kind: 'config-push', settings: {}, ignored: [], refused: [] },
    });
  });
});

describe('client.channel.debugging', () => {
  const debug = (own: Record<string, string> = {}) =>
    msg('client.channel.debugging', {
      floor_type: '1',
      is_lp: '0',
      is_dc: '1',
      code: '112',
      addr: '2',
      order_type: 'test',
      ...own,
    });

  it('reads a test dispense, the slot being code % 100', () => {
    expect(parseLiveCommand(debug())).toEqual({
      ok: true,
      value: {
        kind: 'test-dispense',
        addr: 2,
        slot: 12,
        floorType: 1,
        lift: false,
        dropCheck: true,
        orderType: 'test',
      },
    });
  });

  it.each([
    ['100', 0],
    ['199', 99],
    ['7', 7],
  ])('code %s is slot %d', (code, slot) => {
    expect(parseLiveCommand(debug({ code }))).toMatchObject({ ok: true, value: { slot } });
  });

  it('leaves the slot type to the slot when it is absent or "0" (auto-detect)', () => {
    for (const fields of [without(debug(), 'floor_type'), debug({ floor_type: '0' })]) {
      const result = parseLiveCommand(fields);
      expect(result.ok && 'floorType' in result.value).toBe(false);
    }
  });

  it('reads absent flags as off and an absent order_type as "test"', () => {
    const fields = without(without(without(debug(), 'is_lp'), 'is_dc'), 'order_type');
    expect(parseLiveCommand(fields)).toMatchObject({
      ok: true,
      value: { lift: false, dropCheck: false, orderType: 'test' },
    });
  });

  it.each([
    ['addr 0', { addr: '0' }, 'addr'],
    ['addr 9', { addr: '9' }, 'addr'],
    ['a code with letters', { code: '1A2' }, 'code'],
    ['floor_type 5', { floor_type: '5' }, 'floor_type'],
    ['is_lp "true"', { is_lp: 'true' }, 'is_lp'],
    ['is_dc "2"', { is_dc: '2' }, 'is_dc'],
    ['an order_type with spaces', { order_type: 'not a word' }, 'order_type'],
  ])('refuses %s', (_name, own, field) => {
    expect(problemOf(debug(own))).toMatch(new RegExp(`^${field} must be`));
  });

  it.each(['addr', 'code'])('refuses a message without %s', (field) => {
    expect(problemOf(without(debug(), field))).toBe(`${field} is missing`);
  });
});

describe('client.channel.fault.clear', () => {
  const clear = (own: Record<string, string>) =>
    msg('client.channel.fault.clear', { floor_status: '1', ...own });

  it('reads the product ids, once each', () => {
    expect(parseLiveCommand(clear({ product_ids: '131,132, 133,131' }))).toEqual({
      ok: true,
      value: { kind: 'fault-clear', productIds: [131, 132, 133] },
    });
  });

  it('accepts a single id and an omitted floor_status', () => {
    expect(parseLiveCommand(msg('client.channel.fault.clear', { product_ids: '131' }))).toMatchObject({
      ok: true,
      value: { productIds: [131] },
    });
  });

  it.each([
    [{ product_ids: '131,' }, 'product_ids must be comma-separated product ids'],
    [{ product_ids: '[131]' }, 'product_ids must be comma-separated product ids'],
    [{ product_ids: '131,0' }, 'product_ids must be comma-separated product ids'],
    [{ product_ids: '131', floor_status: '2' }, 'floor_status must be "1"'],
    [{ product_ids: '' }, 'product_ids is missing'],
  ])('refuses %j', (own, problem) => {
    expect(problemOf(clear(own))).toBe(problem);
  });
});

describe('machine commands without fields', () => {
  it.each([
    ['client.machine.refresh', { kind: 'refresh' }],
    ['client.machine.invalidate', { kind: 'refresh' }],
    ['client.machine.reboot', { kind: 'power', action: 'reboot' }],
    ['client.machine.shutdown', { kind: 'power', action: 'shutdown' }],
  ])('%s', (method, value) => {
    expect(parseLiveCommand(msg(method))).toEqual({ ok: true, value });
  });
});

describe('methods the kiosk does not act on', () => {
  it.each([
    'client.power.schedule.once',
    'client.power.schedule.cycle',
    'client.power.schedule.clear',
    'client.ads.push',
    'client.ads.update',
    'client.ads.delete',
    'client.machine.password.modified',
    'client.factory.reset',
    'client.something.new',
    'CLIENT.MACHINE.REBOOT',
  ])('%s is unsupported', (method) => {
    expect(parseLiveCommand(msg(method, { password: 'secret-ish' }))).toEqual({
      ok: true,
      value: { kind: 'unsupported', method },
    });
  });

  it('refuses a message without a method', () => {
    expect(parseLiveCommand(common)).toEqual({
      ok: false,
      error: { method: '', problem: 'method is missing' },
    });
  });
});
