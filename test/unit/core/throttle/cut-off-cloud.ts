import { err, type Result } from '../../../../electron/contract/result';
import { cloudError } from '../../../../electron/core/cloud/cloud-errors';
import type { CloudError } from '../../../../electron/core/ports/vendor-cloud';
import type { FakeVendorCloud } from '../../../fakes/fake-vendor-cloud';

/**
 * Puts a switch in front of a fake cloud already wired into a core: while `down`, every call fails as a
 * dropped connection (the kiosk cannot tell a dead network from a dead cloud). Records when the core starts each
 * refresh (one `listProducts` each), answered or not.
 */
export const cutOff = (cloud: FakeVendorCloud, now: () => number) => {
  const control = { down: false, refreshes: [] as number[] };
  const unreachable = <T>(): Promise<Result<T, CloudError>> =>
    Promise.resolve(err(cloudError('network', 'connection refused (test)')));
  const gate =
    <A extends unknown[], T>(call: (...args: A) => Promise<Result<T, CloudError>>) =>
    (...args: A): Promise<Result<T, CloudError>> =>
      control.down ? unreachable<T>() : call(...args);

  const listProducts = gate(cloud.listProducts.bind(cloud));
  cloud.listProducts = () => {
    control.refreshes.push(now());
    return listProducts();
  };
  cloud.listCodes = gate(cloud.listCodes.bind(cloud));
  cloud.consume = gate(cloud.consume.bind(cloud));
  cloud.orderDetail = gate(cloud.orderDetail.bind(cloud));
  cloud.uploadOrders = gate(cloud.uploadOrders.bind(cloud));
  cloud.updateStock = gate(cloud.updateStock.bind(cloud));
  cloud.ping = gate(cloud.ping.bind(cloud));
  cloud.machine = gate(cloud.machine.bind(cloud));
  return control;
};
