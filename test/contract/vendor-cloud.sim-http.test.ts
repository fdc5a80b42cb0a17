import { createNodeHttpClient } from '../../electron/adapters/node-http';
import { systemClock } from '../../electron/adapters/system-clock';
import { createVendorCloud } from '../../electron/core/cloud/create-vendor-cloud';
import { startSimCloud } from '../../electron/sim/cloud/server';
import { MemoryLogger } from '../fakes/memory-logger';
import { contractCredentials } from './contract-seed';
import { describeVendorCloudContract } from './vendor-cloud.contract';

describeVendorCloudContract('real client over HTTP against the simulator', async (seed) => {
  const sim = await startSimCloud({ seed, credentials: contractCredentials });
  const cloud = createVendorCloud({
    baseUrl: sim.baseUrl,
    machineNo: seed.machine.machineNo,
    notifyUrl: `${sim.baseUrl}/notify`,
    credentials: contractCredentials,
    http: createNodeHttpClient(),
    clock: systemClock,
    logger: new MemoryLogger(),
    timeoutMs: 5000,
  });
  return {
    cloud,
    state: sim.state,
    failNext: (code) => {
      sim.setFaults({ error: { code, message: 'injected', times: 1 } });
    },
    close: () => sim.close(),
  };
});
