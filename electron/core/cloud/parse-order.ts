import { z } from 'zod';
import type { Order } from '../ports/vendor-cloud';
import { intLike, orEmpty, orZero, textLike } from './wire-values';

const recordSchema = z.object({
  id: intLike.nullish(),
  product_id: intLike.nullish(),
  quantity: intLike.nullish(),
  price: textLike.nullish(),
});

const orderSchema = z.object({
  order_id: intLike.refine((id) => id > 0),
  trade_id: textLike.nullish(),
  amount: textLike.nullish(),
  pickup_code_id: intLike.nullish(),
  records: z.array(recordSchema).nullish(),
});

/** An order (the answer of consume and of order detail); null when `data` is not shaped like one. */
export const toOrder = (data: unknown): Order | null => {
  const parsed = orderSchema.safeParse(data);
  if (!parsed.success) return null;
  const o = parsed.data;
  return {
    orderId: o.order_id,
    tradeId: orEmpty(o.trade_id),
    pickupCodeId: orZero(o.pickup_code_id),
    amount: o.amount ?? '0',
    records: (o.records ?? []).map((r) => ({
      id: orZero(r.id),
      productId: orZero(r.product_id),
      quantity: orZero(r.quantity),
      price: r.price ?? '0',
    })),
  };
};

const usedCodeSchema = z.object({ order_id: intLike.refine((id) => id > 0) });

/** The order id a 10025 ("already used") answer points at, when it gives one. */
export const usedCodeOrderId = (data: unknown): number | null => {
  const parsed = usedCodeSchema.safeParse(data);
  return parsed.success ? parsed.data.order_id : null;
};
