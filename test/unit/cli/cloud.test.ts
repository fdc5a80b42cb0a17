import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { demoCredentials } from '../../../electron/sim/cloud/demo-seed';
import { startSimCloud, type SimCloud } from '../../../electron/sim/cloud/server';
import { captureCliIo } from '../../fakes/capture-cli-io';

let sim: SimCloud;
beforeAll(async () => {
  sim = await startSimCloud({ credentials: demoCredentials });
});
afterAll(async () => {
  await sim.close();
});

const env = {
  KIOSK_APPID: demoCredentials.appId,
  KIOSK_APPSECRET: demoCredentials.appSecret,
  KIOSK_APPKEY: demoCredentials.appKey,
};

const cloud = async (argv: string[], overrides: Record<string, string | undefined> = {}) => {
  const io = captureCliIo({ env: { ...env, ...overrides } });
  const code = await runCli(['cloud', ...argv, '--base-url', sim.baseUrl, '--machine-no', '12345678'], io);
  const json = code === 0 ? (JSON.parse(io.stdout.join('\n')) as unknown) : null;
  return { code, io, json };
};

describe('kioskctl cloud', () => {
  it('ping and machine print JSON and exit 0', async () => {
    const ping = await cloud(['ping']);
    expect(ping).toMatchObject({ code: 0, json: { pong: true } });
    expect(typeof (ping.json as { clockSkewMs: unknown }).clockSkewMs).toBe('number');
    expect(await cloud(['machine'])).toMatchObject({
      code: 0,
      json: { name: 'Demo Pickup Kiosk', online: true, cabinets: ['A', 'B'] },
    });
  });

  it('products lists every cabinet with the documented fields', async () => {
    const { code, json } = await cloud(['products']);
    expect(code).toBe(0);
    const products = json as Record<string, unknown>[];
    expect(products).toHaveLength(10);
    expect(products.find((p) => p.productId === 204)).toEqual({
      productId: 204,
      name: 'Notebook',
      price: '8.80',
      slotName: 'B11',
      cabinet: 'B',
      addr: 2,
      slot: 10,
      stock: 10,
      capacity: 10,
      goodNo: 'G204',
      thumb: `${sim.baseUrl}/media/goods/204.png`,
    });
  });

  it('codes, consume and order work together; a second consume names the vendor code on stderr', async () => {
    const codes = await cloud(['codes', '--product-id', '105']);
    expect(codes.json).toEqual([
      expect.objectContaining({
        id: 5006,
        code: '36925814',
        status: 'UNUSED',
        quantity: 2,
        expiresAt: expect.any(Number) as unknown,
      }),
    ]);
    const consumed = await cloud([
      'consume',
      '--product-id',
      '105',
      '--code',
      '36925814',
      '--trade-id',
      '20260101000000000000123',
    ]);
    expect(consumed).toMatchObject({
      code: 0,
      json: {
        tradeId: '20260101000000000000123',
        pickupCodeId: 5006,
        records: [{ productId: 105, quantity: 2 }],
      },
    });
    const orderId = (consumed.json as { orderId: number }).orderId;
    expect((await cloud(['order', '--order-id', String(orderId)])).json).toEqual(consumed.json);
    expect(
      (
        await cloud([
          'consume',
          '--product-id',
          '105',
          '--code',
          '36925814',
          '--trade-id',
          '20260101000000000000123',
        ])
      ).json,
    ).toEqual(consumed.json);

    const again = await cloud(['consume', '--product-id', '105', '--code', '36925814']);
    expect(again.code).toBe(1);
    expect(again.io.stdout).toEqual([]);
    expect(again.io.stderr).toHaveLength(1);
    expect(again.io.stderr[0]).toMatch(
      /^kioskctl cloud consume: vendor code 10025: 取货码已使用 \[code-used\]/,
    );
  });

  it('create and cancel manage codes through the admin calls', async () => {
    expect(
      await cloud([
        'create',
        '--product-id',
        '204',
        '--count',
        '2',
        '--code-length',
        '8',
        '--expires-at',
        '2099-01-01 00:00:00',
      ]),
    ).toMatchObject({
      code: 0,
      json: { requested: 2, productId: 204 },
    });
    const listed = (await cloud(['codes', '--product-id', '204'])).json as { id: number; code: string }[];
    expect(listed.map((c) => c.code.length)).toEqual([8, 8]);
    const id = listed[0]?.id ?? 0;
    expect(await cloud(['cancel', '--id', String(id)])).toMatchObject({ code: 0, json: { cancelled: id } });
    expect(((await cloud(['codes', '--product-id', '204'])).json as unknown[]).length).toBe(1);
    const gone = await cloud(['cancel', '--id', String(id)]);
    expect(gone.io.stderr[0]).toMatch(/vendor code 80002/);
  });

  it('a wrong key fails with one stderr line and never prints a credential', async () => {
    const { code, io } = await cloud(['codes', '--product-id', '101'], { KIOSK_APPKEY: 'WRONGKEY' });
    expect(code).toBe(1);
    expect(io.stderr).toEqual([
      expect.stringMatching(/^kioskctl cloud codes: vendor code 4006: 签名错误 \[auth\]/) as unknown,
    ]);
    for (const secret of ['WRONGKEY', demoCredentials.appId, demoCredentials.appSecret])
      expect(io.all()).not.toContain(secret);
  });

  it('an unreachable cloud names "no vendor code" and the transport problem', async () => {
    const io = captureCliIo({ env });
    const code = await runCli(
      [
        'cloud',
        'ping',
        '--base-url',
        'http://127.0.0.1:1',
        '--machine-no',
        '12345678',
        '--timeout-ms',
        '500',
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.stderr[0]).toMatch(/^kioskctl cloud ping: no vendor code \[network\]/);
  });

  it.each([
    [['ping'], { KIOSK_APPKEY: undefined }, /set KIOSK_APPID, KIOSK_APPSECRET and KIOSK_APPKEY/],
    [['bogus'], {}, /unknown sub-command "bogus"/],
    [['codes'], {}, /--product-id is required/],
    [['create', '--product-id', '1', '--count', '1', '--expires-at', 'soon'], {}, /--expires-at "soon"/],
    [['ping', '--appkey', 'x'], {}, /unknown option --appkey/],
  ])('%j is a usage error (exit 2)', async (argv, overrides, message) => {
    const { code, io } = await cloud(argv, overrides);
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
  });

  it('refuses a plain-http base URL that is not this machine', async () => {
    const io = captureCliIo({ env });
    expect(
      await runCli(
        ['cloud', 'ping', '--base-url', 'http://cloud.example.test', '--machine-no', '12345678'],
        io,
      ),
    ).toBe(2);
    expect(io.stderr[0]).toMatch(/must be an https:\/\//);
  });
});
