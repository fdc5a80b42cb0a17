import { formatVendorTime } from '../../core/protocol/vendor-time';
import { picturePathOf } from './product-picture';
import type { SimMachine } from './seed-schema';
import type { SimCode, SimOrder, SimProduct } from './state-types';

/**
 * The simulator's answers carry the vendor's quirks on purpose, so the client's tolerance is exercised on every
 * run: zero/false/empty fields are omitted (protobuf), and some numbers travel as strings while others do not.
 */
const omitZero = <T>(value: T): T | undefined =>
  value === 0 || value === false || value === '' || value === '0' ? undefined : value;

export const machineToWire = (m: SimMachine): Record<string, unknown> => ({
  name: m.name,
  is_online: omitZero(m.online),
  model: { cabinet_names: m.cabinets },
  machine_type: m.machineType,
  merchant: { name: 'Sim Merchant' },
  currency: m.currency,
  contact: omitZero(m.contact),
  tel: omitZero(m.contact),
});

export const productToWire = (
  p: SimProduct,
  pictureOrigin: string | null = null,
): Record<string, unknown> => ({
  id: p.id,
  // Stock as a string, capacity as a number: the vendor mixes both.
  current_inventory: omitZero(String(p.stock)),
  inventory: omitZero(p.capacity),
  category: { id: 1, title: 'Default' },
  good: {
    name: p.name,
    price: p.price,
    original_price: p.price,
    description: '',
    good_no: p.goodNo ?? `G${p.id}`,
    thumb: pictureOrigin === null ? undefined : `${pictureOrigin}${picturePathOf(p.id)}`,
  },
  channel: {
    name: p.slotName,
    cabinet_name: p.cabinet,
    code: p.motorCode,
    x: omitZero(String(Math.floor(p.slot / 10))),
    y: omitZero(p.slot % 10),
    addr: p.addr,
  },
});

/** `[]` when there is nothing, a paged object otherwise (with `per_page` as a string, as seen in the wild). */
export const pagedToWire = (
  items: readonly unknown[],
  page: number,
  perPage: number,
  total: number,
): unknown =>
  total === 0
    ? []
    : {
        data: items,
        total,
        current_page: page,
        last_page: Math.max(1, Math.ceil(total / perPage)),
        per_page: String(perPage),
      };

export const codeToWire = (c: SimCode): Record<string, unknown> => ({
  id: c.id,
  code: c.code,
  status: c.status === 'CANCELLED' ? 'UNKNOWN' : c.status,
  created_at: formatVendorTime(c.createdAt),
  expired_at: c.expiresAt === null ? undefined : formatVendorTime(c.expiresAt),
  quantity: c.quantity,
});

export const orderToWire = (o: SimOrder): Record<string, unknown> => ({
  order_id: o.orderId,
  trade_id: o.tradeId,
  date: formatVendorTime(o.createdAt),
  amount: o.amount,
  status: 'PICKUPCODE',
  // The code's record id as a string: another number-as-text the client must accept.
  pickup_code_id: String(o.pickupCodeId),
  records: [
    {
      id: o.recordId,
      product_id: o.productId,
      quantity: o.quantity,
      price: o.price,
      status: 'PAID',
      notify_sent: undefined,
    },
  ],
});
