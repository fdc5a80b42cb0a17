import { z } from 'zod';
import type { SimAnswer } from './sim-answer';
import type { SimCloudState } from './state';

const deliveryLogSchema = z.object({
  code: z.string().min(1),
  delivery_no: z.string(),
  delivery_index: z.number().int().min(0),
  status: z.number().int().min(-1).max(5),
  fail_reason: z.string(),
});

/** What the upload call insists on for a pickup-code order (status 7, trade type 2, amounts as strings). */
const uploadedOrderSchema = z.object({
  trade_id: z.string().min(1),
  status: z.literal(7),
  pickup_code_id: z.number().int().positive(),
  trade_type: z.literal(2),
  payment_id: z.literal(0),
  amount: z.string().regex(/^\d+(\.\d+)?$/),
  created_at: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  records: z
    .array(
      z.object({
        product_id: z.number().int().positive(),
        quantity: z.number().int().positive(),
        price: z.string(),
        tax_amount: z.string(),
        delivery_logs: z.array(deliveryLogSchema),
      }),
    )
    .min(1),
});

const stockSchema = z.object({
  data: z
    .array(
      z.object({
        current_inventory: z.number().int().min(0),
        inventory: z.number().int().min(0),
        addr: z.number().int().min(1).max(8),
        code: z
          .string()
          .regex(/^\d{3}$/)
          .optional(),
        product_id: z.number().int().positive().optional(),
      }),
    )
    .min(1),
});

let requestCounter = 0;
const requestId = (): string => `sim-${Date.now().toString(36)}-${(++requestCounter).toString(36)}`;

const badRequest = (msg: string): SimAnswer => ({ status: 400, body: { _request_id: requestId(), msg } });

const uploadOrders = (state: SimCloudState, body: unknown): SimAnswer => {
  const parsed = z.array(uploadedOrderSchema).min(1).max(50).safeParse(body);
  if (!parsed.success) return badRequest(`invalid orders: ${parsed.error.issues[0]?.message ?? 'shape'}`);
  state.recordOrderUpload(body as unknown[]);
  return { status: 200, body: { _request_id: requestId() } };
};

const updateStock = (state: SimCloudState, body: unknown): SimAnswer => {
  const parsed = stockSchema.safeParse(body);
  if (!parsed.success)
    return {
      status: 200,
      body: { _request_id: requestId(), code: 0, count: 0, data: [], msg: 'invalid data' },
    };
  const count = state.recordStockUpdate(
    parsed.data.data.map((i) => ({
      addr: i.addr,
      motorCode: i.code,
      productId: i.product_id,
      currentInventory: i.current_inventory,
      inventory: i.inventory,
    })),
  );
  return { status: 200, body: { _request_id: requestId(), code: 1, count, data: [], msg: 'ok' } };
};

/** Paths below `/api/app/v1`; null answers 404. */
export const findMachineRoute = (
  method: string,
  path: string,
): ((state: SimCloudState, body: unknown) => SimAnswer) | null => {
  if (method !== 'POST') return null;
  if (path === '/batchUploadOrders') return uploadOrders;
  if (path === '/machine/standaloneUpdateStock') return updateStock;
  return null;
};
