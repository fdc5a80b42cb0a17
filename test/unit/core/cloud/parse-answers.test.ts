import { describe, expect, it } from 'vitest';
import { toPickupCode } from '../../../../electron/core/cloud/parse-code';
import { toMachineDetail } from '../../../../electron/core/cloud/parse-machine';
import { toOrder, usedCodeOrderId } from '../../../../electron/core/cloud/parse-order';
import { toProduct } from '../../../../electron/core/cloud/parse-product';
import { pagedListSchema } from '../../../../electron/core/cloud/wire-values';

describe('product items', () => {
  const item = {
    id: '131',
    current_inventory: '4',
    inventory: 10,
    category: { id: 1, title: 'Drinks' },
    good: { name: 'Cola', price: 3.5, brand: 'extra fields are fine' },
    channel: { name: 'A21', cabinet_name: 'A', code: '020', x: '2', y: 0, addr: '1' },
  };

  it('accepts numbers as strings and strings as numbers, and reads the slot from the motor code', () => {
    expect(toProduct(item, 'A')).toEqual({
      productId: 131,
      name: 'Cola',
      price: '3.5',
      slotName: 'A21',
      cabinet: 'A',
      addr: 1,
      slot: 20,
      stock: 4,
      capacity: 10,
    });
  });

  it('keeps the good number, which tells two slots holding the same good apart from two goods', () => {
    expect(toProduct({ ...item, good: { ...item.good, good_no: ' G-77 ' } }, 'A')).toMatchObject({
      goodNo: 'G-77',
    });
    expect(toProduct({ ...item, good: { ...item.good, good_no: 901 } }, 'A')).toMatchObject({
      goodNo: '901',
    });
    expect(toProduct({ ...item, good: { ...item.good, good_no: '' } }, 'A')).not.toHaveProperty('goodNo');
  });

  it("keeps the good's picture URL, trimmed, and leaves it out when the vendor sends none", () => {
    const thumb = 'https://img.example/goods/cola.jpg';
    expect(toProduct({ ...item, good: { ...item.good, thumb: ` ${thumb} ` } }, 'A')).toMatchObject({ thumb });
    expect(toProduct({ ...item, good: { ...item.good, thumb: '' } }, 'A')).not.toHaveProperty('thumb');
    expect(toProduct({ ...item, good: { ...item.good, thumb: null } }, 'A')).not.toHaveProperty('thumb');
  });

  it('reads omitted stock and capacity as 0 and an omitted cabinet as the one asked for', () => {
    const { current_inventory: _s, inventory: _c, ...rest } = item;
    expect(toProduct({ ...rest, channel: { ...item.channel, cabinet_name: undefined } }, 'C')).toMatchObject({
      stock: 0,
      capacity: 0,
      cabinet: 'C',
    });
  });

  it('takes the board from the motor code when addr is omitted (hundreds digit, 0 is board 1)', () => {
    expect(toProduct({ ...item, channel: { name: 'B05', code: '104' } }, 'B')).toMatchObject({
      addr: 2,
      slot: 4,
    });
    expect(toProduct({ ...item, channel: { name: 'A01' } }, 'A')).toMatchObject({ addr: 1, slot: 0 });
  });

  it.each([
    ['no id', { ...item, id: undefined }],
    ['id 0', { ...item, id: 0 }],
    ['no channel', { ...item, channel: undefined }],
    ['a motor code that is not a number', { ...item, channel: { ...item.channel, code: 'A2' } }],
    ['a board outside 1–8', { ...item, channel: { ...item.channel, addr: 9 } }],
    ['stock as a decimal', { ...item, current_inventory: '1.5' }],
  ])('refuses an item with %s', (_name, raw) => {
    expect(toProduct(raw, 'A')).toBeNull();
  });
});

describe('pickup codes', () => {
  it('reads the seed answer, with times in UTC+8', () => {
    expect(
      toPickupCode({
        id: 2111,
        code: '9388106',
        status: 'UNUSED',
        created_at: '2024-04-27 14:00:08',
        expired_at: '2024-04-28 14:00:08',
        quantity: 1,
      }),
    ).toEqual({
      id: 2111,
      code: '9388106',
      status: 'UNUSED',
      quantity: 1,
      createdAt: Date.UTC(2024, 3, 27, 6, 0, 8),
      expiresAt: Date.UTC(2024, 3, 28, 6, 0, 8),
    });
  });

  it('reads an absent or empty expired_at as never expires, an absent quantity as 1, an odd status as UNKNOWN', () => {
    expect(toPickupCode({ id: '5', code: 12345678, status: 'weird' })).toEqual({
      id: 5,
      code: '12345678',
      status: 'UNKNOWN',
      quantity: 1,
      expiresAt: null,
      createdAt: null,
    });
    expect(
      toPickupCode({ id: 5, code: 'abc123', expired_at: '', quantity: '3', status: 'used' }),
    ).toMatchObject({ expiresAt: null, quantity: 3, status: 'USED' });
  });

  it('refuses a code without id or text, or with an unreadable expiry', () => {
    expect(toPickupCode({ code: '123456' })).toBeNull();
    expect(toPickupCode({ id: 1, code: ' ' })).toBeNull();
    expect(toPickupCode({ id: 1, code: '123456', expired_at: 'tomorrow' })).toBeNull();
  });
});

describe('orders', () => {
  it('fills omitted protobuf fields with zero values', () => {
    expect(toOrder({ order_id: 9, records: [{ product_id: 3 }] })).toEqual({
      orderId: 9,
      tradeId: '',
      pickupCodeId: 0,
      amount: '0',
      records: [{ id: 0, productId: 3, quantity: 0, price: '0' }],
    });
  });

  it('refuses data that is not an order', () => {
    expect(toOrder({})).toBeNull();
    expect(toOrder([])).toBeNull();
    expect(toOrder({ order_id: 'x' })).toBeNull();
  });

  it('reads the order id a 10025 answer points at', () => {
    expect(usedCodeOrderId({ order_id: '42' })).toBe(42);
    expect(usedCodeOrderId({})).toBeNull();
    expect(usedCodeOrderId(undefined)).toBeNull();
  });
});

describe('machine detail', () => {
  it('normalises cabinets and reads an absent is_online as offline', () => {
    expect(
      toMachineDetail({
        name: 'M',
        model: { cabinet_names: ['a', 'B', 'B', 'AA', ''] },
        machine_type: 3,
        tel: '123',
      }),
    ).toEqual({
      name: 'M',
      online: false,
      cabinets: ['A', 'B'],
      machineType: '3',
      currency: '',
      contact: '123',
    });
  });

  it('accepts is_online as true, 1 or "1", and cabinets as a comma list', () => {
    for (const is_online of [true, 1, '1', 'true'])
      expect(toMachineDetail({ name: 'M', is_online })?.online).toBe(true);
    expect(toMachineDetail({ name: 'M', model: { cabinet_names: 'A,C' } })?.cabinets).toEqual(['A', 'C']);
  });

  it('falls back to cabinet A and refuses an empty object', () => {
    expect(toMachineDetail({ name: 'M', model: {} })?.cabinets).toEqual(['A']);
    expect(toMachineDetail({})).toBeNull();
    expect(toMachineDetail('M')).toBeNull();
  });
});

describe('list shapes', () => {
  it('accepts [] and a paged object, and refuses a bare {}', () => {
    expect(pagedListSchema.parse([])).toEqual({ items: [], lastPage: 1, total: 0 });
    expect(
      pagedListSchema.parse({ data: [1], total: '30', current_page: 1, last_page: '3', per_page: '10' }),
    ).toEqual({ items: [1], lastPage: 3, total: 30 });
    expect(pagedListSchema.parse({ current_page: 2 })).toEqual({ items: [], lastPage: 1, total: 0 });
    expect(pagedListSchema.safeParse({}).success).toBe(false);
    expect(pagedListSchema.safeParse('[]').success).toBe(false);
  });
});
