import { afterEach, describe, expect, it } from 'vitest';
import { createNodeHttpClient } from '../../../../electron/adapters/node-http';
import { systemClock } from '../../../../electron/adapters/system-clock';
import { createVendorCloud } from '../../../../electron/core/cloud/create-vendor-cloud';
import type { VendorCloud } from '../../../../electron/core/ports/vendor-cloud';
import { startSimCloud, type SimCloud } from '../../../../electron/sim/cloud/server';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { answer, envelope, failure } from '../../../fakes/scripted-http';
import { harness, settle, testCredentials } from './harness';

const secrets = Object.values(testCredentials);
const tradeId = '20260101040000000000001';

/** Exercises every call, so every success and failure path writes whatever it writes. */
const exercise = async (cloud: VendorCloud): Promise<unknown[]> => [
  await cloud.ping(),
  await cloud.machine(),
  await cloud.listProducts(),
  await cloud.listCodes(101),
  await cloud.consume({ productId: 101, code: '24681357', tradeId }),
  await cloud.consume({ productId: 101, code: '24681357', tradeId: '20260101040000000000002' }),
  await cloud.orderDetail(1),
  await cloud.uploadOrders([
    { tradeId, pickupCodeId: 1, productId: 101, quantity: 1, price: '2.50', createdAt: 0, deliveryLogs: [] },
  ]),
  await cloud.updateStock([{ addr: 1, slotCode: '000', productId: 101, currentInventory: 1, inventory: 2 }]),
];

const expectNoSecret = (text: string): void => {
  for (const secret of secrets) expect(text).not.toContain(secret);
};

describe('credentials never appear in a log line or an error', () => {
  let sim: SimCloud | null = null;
  afterEach(async () => {
    await sim?.close();
    sim = null;
  });

  it('even when the vendor (or a proxy) echoes them back in messages and pages', async () => {
    const h = harness({ retries: 1 });
    const echo = `appid ${testCredentials.appId} secret ${testCredentials.appSecret} key ${testCredentials.appKey}`;
    h.http.fallback = (req) => {
      const n = h.http.requests.length % 5;
      if (n === 0) return envelope({}, 10014, echo, 401);
      if (n === 1) return answer(502, `<html>${echo}</html>`);
      if (n === 2) return failure('network', `connect failed: ${echo} ${req.url}`);
      if (n === 3) return answer(400, { msg: echo });
      return envelope({}, 0, echo);
    };
    const results = await settle(h.clock, exercise(h.cloud));
    expect(results.filter((r) => !(r as { ok: boolean }).ok).length).toBeGreaterThanOrEqual(7);
    expectNoSecret(JSON.stringify(results));
    expectNoSecret(h.logger.text());
    expect(h.logger.text()).toContain('***');
  });

  it('over real HTTP against the simulator, with right and wrong credentials', async () => {
    sim = await startSimCloud({ credentials: testCredentials });
    for (const credentials of [
      testCredentials,
      { ...testCredentials, appKey: 'WRONGKEY' },
      { ...testCredentials, appSecret: 'bad-secret' },
    ]) {
      const logger = new MemoryLogger();
      const cloud = createVendorCloud({
        baseUrl: sim.baseUrl,
        machineNo: '12345678',
        notifyUrl: `${sim.baseUrl}/notify`,
        credentials,
        http: createNodeHttpClient(),
        clock: systemClock,
        logger,
        retries: 0,
      });
      const results = await exercise(cloud);
      expectNoSecret(JSON.stringify(results));
      expectNoSecret(logger.text());
      for (const secret of Object.values(credentials)) {
        expect(JSON.stringify(results)).not.toContain(secret);
        expect(logger.text()).not.toContain(secret);
      }
    }
    // Every run made real exchanges with the simulator, refused or not.
    expect(sim.requests.length).toBeGreaterThan(10);
  });

  it('logs the signing string of a rejected signature with the key as *** and the code masked', async () => {
    const h = harness();
    h.http.script(envelope({}, 4006, 'sign invalid'));
    await h.cloud.consume({ productId: 1, code: '87654321', tradeId });
    const line = h.logger.lines.find((l) => l.event === 'cloud.auth-rejected');
    expect(line?.fields.signing).toMatch(
      /^code=\*{6}21&machine_no=12345678&method=event\.consume\.pickup_code&.*&key=\*\*\*$/,
    );
    expectNoSecret(h.logger.text());
    expect(h.logger.text()).not.toContain('87654321');
  });
});
