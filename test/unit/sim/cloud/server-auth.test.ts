import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineApiKey } from '../../../../electron/core/protocol/machine-api-key';
import { startSimCloud, type SimCloud } from '../../../../electron/sim/cloud/server';
import { rawCall, simCredentials } from './sim-http';

let sim: SimCloud;
beforeAll(async () => {
  sim = await startSimCloud({ credentials: simCredentials });
});
afterAll(async () => {
  await sim.close();
});

const codes = '/api/openapi/v1/products/101/pickup_code';

describe('sim cloud is as strict as the real one', () => {
  it('accepts a correct request and answers in the vendor envelope', async () => {
    const res = await rawCall(sim.baseUrl, codes);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      code: 0,
      message: 'ok',
      data: [{ id: 5001, code: '24681357', status: 'UNUSED', quantity: 1 }],
    });
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['no Appid', { headers: { Appid: '' } }, 401, 10008],
    ['no AppSecret', { headers: { AppSecret: '' } }, 401, 10008],
    ['a wrong Appid', { headers: { Appid: 'other' } }, 200, 10014],
    ['a wrong AppSecret', { headers: { AppSecret: 'other' } }, 200, 10013],
    ['a body that is not JSON', { body: 'payload=abc' }, 200, 10001],
    ['no payload', { body: '{}' }, 200, 10001],
    ['a payload that is not base64', { body: '{"payload":"%%%"}' }, 200, 10001],
    ['a signature made with another key', { key: 'OTHERKEY' }, 200, 4006],
    ['a timestamp ten minutes old', { at: Date.now() - 600_000 }, 200, 10001],
    ['a timestamp ten minutes ahead', { at: Date.now() + 600_000 }, 200, 10001],
    ['another machine number', { fields: { machine_no: '99999999' } }, 200, 30003],
  ])('refuses %s', async (_name, opts, status, code) => {
    const res = await rawCall(sim.baseUrl, codes, opts);
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({ code, data: {} });
  });

  it('answers unknown paths and wrong methods with an HTML 404 page', async () => {
    for (const [path, method] of [
      ['/api/openapi/v1/nope', 'POST'],
      ['/api/openapi/v1/consumes', 'PUT'],
      ['/', 'POST'],
    ] as const) {
      const res = await rawCall(sim.baseUrl, path, { method });
      expect(res.status).toBe(404);
      expect(res.text).toContain('<title>404 Not Found</title>');
    }
  });

  it('checks form fields: page required, cabinet_name and addr never together', async () => {
    expect((await rawCall(sim.baseUrl, '/api/openapi/v1/products')).json).toMatchObject({ code: 10001 });
    const both = await rawCall(sim.baseUrl, '/api/openapi/v1/products', {
      fields: { page: 1, cabinet_name: 'A', addr: 1 },
    });
    expect(both.json).toMatchObject({ code: 10001 });
    const byAddr = await rawCall(sim.baseUrl, '/api/openapi/v1/products', {
      fields: { page: 1, addr: 2, per_page: 2 },
    });
    expect(byAddr.json).toMatchObject({
      code: 0,
      data: { total: 4, current_page: 1, last_page: 2, per_page: '2' },
    });
  });

  it('sends its own clock in the Date header', async () => {
    const skewed = await startSimCloud({
      credentials: simCredentials,
      now: () => Date.UTC(2030, 0, 1),
      timestampWindowSeconds: 1e9,
    });
    const res = await rawCall(skewed.baseUrl, '/api/openapi/v1/ping');
    await skewed.close();
    expect(res.headers.get('date')).toBe('Tue, 01 Jan 2030 00:00:00 GMT');
  });

  it('checks api-machine-no and api-key on machine-side calls', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${sim.baseUrl}/api/app/v1/machine/standaloneUpdateStock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ data: [{ current_inventory: 1, inventory: 2, addr: 1, code: '000' }] }),
      });
    const good = machineApiKey('12345678', simCredentials.appKey);
    expect((await post({ 'api-machine-no': '12345678', 'api-key': good })).status).toBe(200);
    expect((await post({ 'api-machine-no': '12345678', 'api-key': good.toUpperCase() })).status).toBe(401);
    expect((await post({ 'api-machine-no': '87654321', 'api-key': good })).status).toBe(401);
    expect((await post({})).status).toBe(401);
  });

  it('validates uploaded orders: 1–50 pickup-code orders', async () => {
    const upload = async (body: unknown) => {
      const res = await fetch(`${sim.baseUrl}/api/app/v1/batchUploadOrders`, {
        method: 'POST',
        headers: {
          'api-machine-no': '12345678',
          'api-key': machineApiKey('12345678', simCredentials.appKey),
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: await res.text() };
    };
    expect(await upload([])).toMatchObject({
      status: 400,
      json: expect.stringMatching(/"msg":"invalid orders/) as unknown,
    });
    expect(await upload([{ trade_id: 'x', status: 1 }])).toMatchObject({ status: 400 });
    expect(sim.state.uploadedOrders()).toHaveLength(0);
  });
});
