import type { Result } from '../../contract/result';
import type { CloudError, MachineDetail, PickupCode, VendorCloud } from '../ports/vendor-cloud';
import { consumeCode } from './consume';
import { createCloudContext, type CloudContext } from './context';
import { updateStockReports, uploadOrderReports } from './machine-reports';
import { fetchData } from './open-api';
import type { VendorCloudOptions } from './options';
import { toMachineDetail } from './parse-machine';
import { toOrder } from './parse-order';
import { toPickupCodes } from './parse-code';
import { listAllProducts } from './product-list';
import { scrubCloudError } from './redact';
import { pagedListSchema } from './wire-values';

export type { VendorCloudOptions } from './options';

/** Every failure leaves through here: logged once (vendor code and message kept), scrubbed of credentials. */
const logged =
  <A extends unknown[], T>(
    ctx: CloudContext,
    call: string,
    fn: (...args: A) => Promise<Result<T, CloudError>>,
  ) =>
  async (...args: A): Promise<Result<T, CloudError>> => {
    const result = await fn(...args);
    if (result.ok) return result;
    const error = scrubCloudError(result.error, ctx.scrub);
    ctx.logger.warn('cloud.failed', {
      call,
      code: error.code,
      vendorCode: error.vendorCode,
      vendorMessage: error.vendorMessage,
      httpStatus: error.httpStatus,
      detail: error.detail,
    });
    return { ok: false, error };
  };

const readCodes =
  (ctx: CloudContext, productId: number) =>
  (data: unknown): PickupCode[] | null => {
    const list = pagedListSchema.safeParse(data);
    if (!list.success) return null;
    const { codes, skipped } = toPickupCodes(list.data.items);
    if (skipped > 0) ctx.logger.warn('cloud.codes.skipped', { productId, skipped });
    return codes;
  };

/**
 * The kiosk's vendor cloud client (vendor-api.md §4–§5). Throws at construction on a configuration bug
 * (non-https URL, bad machine number, missing credential); every later failure is a Result.
 */
export const createVendorCloud = (options: VendorCloudOptions): VendorCloud => {
  const ctx = createCloudContext(options);

  const machine = logged(ctx, 'machine', (): Promise<Result<MachineDetail, CloudError>> =>
    fetchData(
      ctx,
      { method: 'POST', path: `/rent/machines/${ctx.machineNo}`, what: 'machine detail', read: true },
      toMachineDetail,
    ),
  );
  const orderDetail = logged(ctx, 'orderDetail', (orderId: number) =>
    fetchData(
      ctx,
      { method: 'POST', path: `/orders/${orderId}`, what: `order ${orderId}`, read: true },
      toOrder,
    ),
  );

  return {
    ping: logged(ctx, 'ping', async () => {
      const pong = await fetchData(
        ctx,
        { method: 'POST', path: '/ping', what: 'ping', read: true },
        (data) => (data === 'pong' ? true : null),
      );
      return pong.ok ? { ok: true, value: undefined } : pong;
    }),
    machine,
    listProducts: logged(ctx, 'listProducts', () => listAllProducts(ctx, machine)),
    listCodes: logged(ctx, 'listCodes', (productId: number) =>
      fetchData(
        ctx,
        {
          method: 'POST',
          path: `/products/${productId}/pickup_code`,
          what: `pickup codes of product ${productId}`,
          read: true,
        },
        readCodes(ctx, productId),
      ),
    ),
    consume: logged(ctx, 'consume', (req) => consumeCode(ctx, req, orderDetail)),
    orderDetail,
    uploadOrders: logged(ctx, 'uploadOrders', (orders) => uploadOrderReports(ctx, orders)),
    updateStock: logged(ctx, 'updateStock', (items) => updateStockReports(ctx, items)),
    clockSkewMs: () => ctx.skew.value(),
  };
};
