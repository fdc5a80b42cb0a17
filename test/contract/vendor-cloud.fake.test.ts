import { SimCloudState } from '../../electron/sim/cloud/state';
import { FakeVendorCloud } from '../fakes/fake-vendor-cloud';
import { describeVendorCloudContract } from './vendor-cloud.contract';

describeVendorCloudContract('in-memory fake', (seed) => {
  const state = new SimCloudState(seed);
  const cloud = new FakeVendorCloud(state);
  return Promise.resolve({
    cloud,
    state,
    failNext: (code) => {
      cloud.failNext(code);
    },
    close: () => Promise.resolve(),
  });
});
