import type { Result } from '../../contract/result';
import type { Clock } from '../ports/clock';
import type { CloudError, VendorCloud } from '../ports/vendor-cloud';

/**
 * What the kiosk last learnt about one of the cloud's refusals. `unknown` until a call has said either way:
 * after a restart the kiosk must not announce that a problem it alerted about before has gone.
 */
export type CloudAlarm =
  | { readonly state: 'unknown' }
  | { readonly state: 'ok' }
  | {
      readonly state: 'bad';
      readonly since: number;
      readonly call: string;
      readonly vendorCode: number | null;
      readonly detail: string;
    };

export type CloudWatch = {
  /** The same client, every answer seen on its way back. */
  readonly cloud: VendorCloud;
  /** The machine's credentials refused (a call answered `auth`); ok once that kind of call succeeds again. */
  auth(): CloudAlarm;
  /** Pickup codes switched off in the dashboard (10023); ok once a pickup-code call succeeds. */
  pickupCodes(): CloudAlarm;
};

/** The calls whose success proves the pickup-code feature is on: the others do not touch it. */
const pickupCodeCalls = new Set(['listCodes', 'consume']);

/**
 * The report calls sign with the machine key (machine number + AppKey), the Open API ones with AppId, AppSecret and
 * the AppKey signature: a success of one kind proves nothing about a refusal of the other.
 */
const reportCalls = new Set(['uploadOrders', 'updateStock']);

/**
 * Watches the cloud client's answers rather than asking the engine or the cache: every caller already gets its
 * own Result, and none of them has to know that alerts exist. A transport failure says nothing about either
 * condition, so it changes neither.
 */
export const watchCloud = (inner: VendorCloud, clock: Clock): CloudWatch => {
  const auth: Record<'openApi' | 'reports', CloudAlarm> = {
    openApi: { state: 'unknown' },
    reports: { state: 'unknown' },
  };
  let pickupCodes: CloudAlarm = { state: 'unknown' };

  const bad = (was: CloudAlarm, call: string, error: CloudError): CloudAlarm =>
    // The first refusal's time is kept: "since" is when the problem began, not the latest retry.
    was.state === 'bad'
      ? was
      : { state: 'bad', since: clock.now(), call, vendorCode: error.vendorCode, detail: error.detail };

  const seen = (call: string, result: Result<unknown, CloudError>): void => {
    const channel = reportCalls.has(call) ? 'reports' : 'openApi';
    if (result.ok) {
      auth[channel] = { state: 'ok' };
      if (pickupCodeCalls.has(call)) pickupCodes = { state: 'ok' };
      return;
    }
    if (result.error.code === 'auth') auth[channel] = bad(auth[channel], call, result.error);
    if (result.error.code === 'feature-off') pickupCodes = bad(pickupCodes, call, result.error);
  };

  const watched =
    <A extends unknown[], T>(call: string, fn: (...args: A) => Promise<Result<T, CloudError>>) =>
    async (...args: A): Promise<Result<T, CloudError>> => {
      const result = await fn(...args);
      seen(call, result);
      return result;
    };

  const cloud: VendorCloud = {
    ping: watched('ping', () => inner.ping()),
    machine: watched('machine', () => inner.machine()),
    listProducts: watched('listProducts', () => inner.listProducts()),
    listCodes: watched('listCodes', (productId: number) => inner.listCodes(productId)),
    consume: watched('consume', (req: Parameters<VendorCloud['consume']>[0]) => inner.consume(req)),
    orderDetail: watched('orderDetail', (orderId: number) => inner.orderDetail(orderId)),
    uploadOrders: watched('uploadOrders', (orders: Parameters<VendorCloud['uploadOrders']>[0]) =>
      inner.uploadOrders(orders),
    ),
    updateStock: watched('updateStock', (items: Parameters<VendorCloud['updateStock']>[0]) =>
      inner.updateStock(items),
    ),
    clockSkewMs: () => inner.clockSkewMs(),
  };
  return {
    cloud,
    // Either refusal is the alert. Ok needs the Open API's word: reports may be switched off and never answer.
    auth: () =>
      auth.openApi.state === 'bad'
        ? auth.openApi
        : auth.reports.state === 'bad'
          ? auth.reports
          : auth.openApi,
    pickupCodes: () => pickupCodes,
  };
};
