import { describe, expect, it } from 'vitest';
import { watchCloud } from '../../../../electron/core/alerts/cloud-watch';
import { demoSeed } from '../../../../electron/sim/cloud/demo-seed';
import { SimCloudState } from '../../../../electron/sim/cloud/state';
import { FakeVendorCloud } from '../../../fakes/fake-vendor-cloud';
import { ManualClock } from '../../../fakes/manual-clock';

const setup = () => {
  const clock = new ManualClock();
  const inner = new FakeVendorCloud(new SimCloudState(demoSeed(), { now: () => clock.now() }), clock);
  return { clock, inner, watch: watchCloud(inner, clock) };
};

describe('cloud watch', () => {
  it('knows nothing until the cloud has answered', () => {
    const { watch } = setup();
    expect(watch.auth()).toEqual({ state: 'unknown' });
    expect(watch.pickupCodes()).toEqual({ state: 'unknown' });
  });

  it('passes every answer through unchanged', async () => {
    const { inner, watch } = setup();
    await expect(watch.cloud.listProducts()).resolves.toEqual(await inner.listProducts());
    inner.failNext(10013, 'ping');
    await expect(watch.cloud.ping()).resolves.toMatchObject({ ok: false, error: { code: 'auth' } });
  });

  it('marks refused credentials from the first refusal, and clears them with a good answer of the same kind', async () => {
    const { clock, inner, watch } = setup();
    const since = clock.now();
    inner.failNext(10013, 'listProducts');
    await watch.cloud.listProducts();
    await clock.advance(60_000);
    inner.failNext(10013, 'listCodes');
    await watch.cloud.listCodes(101);
    expect(watch.auth()).toMatchObject({ state: 'bad', since, call: 'listProducts', vendorCode: 10013 });
    // A transport failure says nothing either way, and a report's success says nothing about the Open API's keys.
    inner.failNext('timeout', 'ping');
    await watch.cloud.ping();
    await watch.cloud.uploadOrders([]);
    expect(watch.auth().state).toBe('bad');
    await watch.cloud.ping();
    expect(watch.auth()).toEqual({ state: 'ok' });
  });

  it('keeps a refused machine key for reports until a report is accepted', async () => {
    const { inner, watch } = setup();
    await watch.cloud.ping();
    inner.failNext('auth', 'uploadOrders');
    await watch.cloud.uploadOrders([]);
    await watch.cloud.listProducts();
    expect(watch.auth()).toMatchObject({ state: 'bad', call: 'uploadOrders' });
    await watch.cloud.uploadOrders([]);
    expect(watch.auth()).toEqual({ state: 'ok' });
  });

  it('clears pickup codes switched off only with a good pickup-code call', async () => {
    const { inner, watch } = setup();
    inner.failNext(10023, 'listCodes');
    await watch.cloud.listCodes(101);
    expect(watch.pickupCodes()).toMatchObject({ state: 'bad', vendorCode: 10023 });
    await watch.cloud.listProducts();
    expect(watch.pickupCodes().state).toBe('bad');
    await watch.cloud.listCodes(101);
    expect(watch.pickupCodes()).toEqual({ state: 'ok' });
  });
});
