import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHttpClient } from '../../../../electron/adapters/node-http';
import { systemClock } from '../../../../electron/adapters/system-clock';
import { createVendorCloud } from '../../../../electron/core/cloud/create-vendor-cloud';
import type { VendorCloud } from '../../../../electron/core/ports/vendor-cloud';
import { startSimCloud, type SimCloud } from '../../../../electron/sim/cloud/server';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { simCredentials } from './sim-http';

let sim: SimCloud;
let cloud: VendorCloud;
beforeAll(async () => {
  sim = await startSimCloud({ credentials: simCredentials });
  cloud = createVendorCloud({
    baseUrl: sim.baseUrl,
    machineNo: '12345678',
    notifyUrl: `${sim.baseUrl}/notify`,
    credentials: simCredentials,
    http: createNodeHttpClient(),
    clock: systemClock,
    logger: new MemoryLogger(),
    timeoutMs: 400,
    retries: 0,
  });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.setFaults({});
});

const tradeId = (n: number) => `2026010100000000000009${String(n).padStart(2, '0')}`;

describe('sim cloud fault injection, seen through the real client', () => {
  it('adds latency', async () => {
    sim.setFaults({ latencyMs: 150 });
    const started = Date.now();
    expect((await cloud.ping()).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers an injected vendor error a given number of times, only on matching paths', async () => {
    sim.setFaults({ error: { code: 30003, message: '设备不存在', path: '/pickup_code', times: 1 } });
    expect((await cloud.ping()).ok).toBe(true);
    expect(await cloud.listCodes(101)).toMatchObject({
      ok: false,
      error: { code: 'machine-unavailable', vendorCode: 30003, vendorMessage: '设备不存在' },
    });
    expect((await cloud.listCodes(101)).ok).toBe(true);
  });

  it('can inject 10025 with data, an auth failure with HTTP 401, or any 4-digit code', async () => {
    sim.setFaults({ error: { code: 10008, httpStatus: 401, times: 1 } });
    expect(await cloud.ping()).toMatchObject({ ok: false, error: { code: 'auth', httpStatus: 401 } });
    sim.setFaults({ error: { code: 6047, times: 1 } });
    expect(await cloud.ping()).toMatchObject({ ok: false, error: { code: 'stock', vendorCode: 6047 } });
  });

  it.each([
    ['html', 'http', /HTTP 502, an HTML page/],
    ['not-json', 'malformed', /not JSON/],
    ['truncated', 'malformed', /truncated/],
    ['wrong-shape', 'malformed', /unexpected shape.*订单未支付/],
  ] as const)('a %s body is a %s error', async (kind, code, detail) => {
    sim.setFaults({ body: { kind, times: 1 } });
    const result = await cloud.listCodes(101);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(!result.ok && result.error.detail).toMatch(detail);
  });

  it('drops the connection', async () => {
    sim.setFaults({ drop: { times: 1 } });
    expect(await cloud.machine()).toMatchObject({ ok: false, error: { code: 'network' } });
    expect((await cloud.machine()).ok).toBe(true);
  });

  it('sends a slow body that runs past the client timeout', async () => {
    sim.setFaults({ slowBodyMs: 1000 });
    expect(await cloud.machine()).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('switches the pickup-code feature off (10023) and takes the machine offline (30002)', async () => {
    sim.setFaults({ pickupCodesOff: true });
    expect(await cloud.listCodes(101)).toMatchObject({
      ok: false,
      error: { code: 'feature-off', vendorCode: 10023 },
    });
    sim.setFaults({ machineOffline: true });
    expect(await cloud.consume({ productId: 101, code: '24681357', tradeId: tradeId(1) })).toMatchObject({
      ok: false,
      error: { code: 'machine-unavailable', vendorCode: 30002 },
    });
    expect(await cloud.machine()).toMatchObject({ ok: true, value: { online: false } });
    sim.setFaults({});
    expect(await cloud.machine()).toMatchObject({ ok: true, value: { online: true } });
  });

  it('consume stays safe when its answer is lost: the retry with the same trade id gets the order', async () => {
    sim.setFaults({ slowBodyMs: 1000 });
    const lost = await cloud.consume({ productId: 106, code: '13572468', tradeId: tradeId(2) });
    expect(lost).toMatchObject({ ok: false, error: { code: 'timeout' } });
    sim.setFaults({});
    const again = await cloud.consume({ productId: 106, code: '13572468', tradeId: tradeId(2) });
    expect(again).toMatchObject({
      ok: true,
      value: { tradeId: tradeId(2), records: [{ productId: 106, quantity: 2 }] },
    });
    expect(sim.state.orders().filter((o) => o.tradeId === tradeId(2))).toHaveLength(1);
  });

  it('records what it received, decoded, for inspection', async () => {
    await cloud.listCodes(102);
    const last = sim.requests.at(-1);
    expect(last).toMatchObject({
      method: 'POST',
      path: '/api/openapi/v1/products/102/pickup_code',
      fields: { machine_no: '12345678' },
    });
    expect(last?.fields).not.toHaveProperty('sign');
  });
});
