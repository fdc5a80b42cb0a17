import { err, ok, type Result } from '../../contract/result';
import { maskCode } from '../ports/logger';
import type { CloudError, ConsumeRequest, Order } from '../ports/vendor-cloud';
import { cloudError, vendorError } from './cloud-errors';
import type { CloudContext } from './context';
import { callOpenApi, expectData } from './open-api';
import { toOrder, usedCodeOrderId } from './parse-order';

const usedCodes = new Set([10025, 6033]);

/** Trade ids are 20–32 characters; digits are what the vendor prefers. */
export const isValidTradeId = (tradeId: string): boolean => /^[0-9A-Za-z]{20,32}$/.test(tradeId);

/**
 * Redeems a code. It is sent once (a write is never retried blindly); the caller may call again with the same
 * trade id after a timeout, and this is what makes that safe: "already used" is checked against the order's
 * trade id. Ours means the earlier attempt went through, so its order is the answer; anyone else's means the
 * code was used elsewhere. When the order cannot be fetched, that failure is returned, not `code-used`:
 * telling a customer their code is spent when it may be theirs would be wrong.
 */
export const consumeCode = async (
  ctx: CloudContext,
  req: ConsumeRequest,
  orderDetail: (orderId: number) => Promise<Result<Order, CloudError>>,
): Promise<Result<Order, CloudError>> => {
  const what = `consume (product ${req.productId}, code ${maskCode(req.code)})`;
  if (!isValidTradeId(req.tradeId))
    return err(cloudError('vendor', `${what}: trade id must be 20–32 letters or digits`));
  const envelope = await callOpenApi(ctx, {
    method: 'POST',
    path: '/consumes',
    fields: {
      method: 'event.consume.pickup_code',
      code: req.code,
      product_id: req.productId,
      notify_url: ctx.notifyUrl,
      trade_id: req.tradeId,
    },
    what,
    read: false,
  });
  if (!envelope.ok) return envelope;
  const { code, message, data, httpStatus } = envelope.value;
  if (!usedCodes.has(code)) return expectData(envelope.value, what, toOrder);

  const usedError = vendorError(code, message, httpStatus, what);
  const orderId = usedCodeOrderId(data);
  if (orderId === null) return err(usedError);
  const order = await orderDetail(orderId);
  if (!order.ok) {
    ctx.logger.warn('cloud.consume.used-unconfirmed', { orderId, error: order.error.code });
    return err({
      ...order.error,
      detail: `${what}: code already used; its order ${orderId} could not be checked (${order.error.detail})`,
    });
  }
  if (order.value.tradeId === req.tradeId) {
    ctx.logger.info('cloud.consume.already-ours', { orderId, tradeId: req.tradeId });
    return ok(order.value);
  }
  return err({ ...usedError, detail: `${what}: code already used by another order (${orderId})` });
};
