import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudError, OrderReport, VendorCloud } from '../../electron/core/ports/vendor-cloud';
import type { SimCloudState } from '../../electron/sim/cloud/state';
import type { SimSeed } from '../../electron/sim/cloud/seed-schema';
import { contractSeed } from './contract-seed';

/** What each implementation under test provides: the cloud, the state behind it, and a way to inject a vendor error. */
export type ContractSubject = {
  readonly cloud: VendorCloud;
  readonly state: SimCloudState;
  failNext(vendorCode: number): void;
  close(): Promise<void>;
};

const tradeId = (n: number): string => `2026010112000000000${String(n).padStart(3, '0')}`;

const errorOf = (result: { ok: true; value: unknown } | { ok: false; error: CloudError }): CloudError => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
};

const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: CloudError }): T => {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.detail}`);
  return result.value;
};

const report = (i: number): OrderReport => ({
  tradeId: tradeId(500 + i),
  pickupCodeId: 11,
  productId: 1,
  quantity: 1,
  price: '2.50',
  createdAt: Date.UTC(2026, 0, 1, 4),
  deliveryLogs: [
    {
      slotName: 'A01',
      deliveryNo: `D${i}`,
      deliveryIndex: 0,
      status: 1,
      failReason: '',
      at: Date.UTC(2026, 0, 1, 4),
    },
  ],
});

/** One behaviour, two implementations: the real client over HTTP against the simulator, and the in-memory fake. */
export const describeVendorCloudContract = (
  name: string,
  start: (seed: SimSeed) => Promise<ContractSubject>,
): void => {
  describe(`VendorCloud contract: ${name}`, () => {
    let s: ContractSubject;
    beforeEach(async () => {
      s = await start(contractSeed());
    });
    afterEach(async () => {
      await s.close();
    });

    it('pings and reads the machine with its cabinets', async () => {
      expect((await s.cloud.ping()).ok).toBe(true);
      expect(valueOf(await s.cloud.machine())).toMatchObject({
        name: 'Contract Machine',
        online: true,
        cabinets: ['A', 'B'],
      });
      s.state.setOnline(false);
      expect(valueOf(await s.cloud.machine()).online).toBe(false);
    });

    it('lists every product across cabinets and pages, normalised', async () => {
      const products = valueOf(await s.cloud.listProducts());
      expect(products).toHaveLength(155);
      expect(new Set(products.map((p) => p.productId)).size).toBe(155);
      const { thumb, ...water } = products.find((p) => p.productId === 1) ?? { thumb: 'missing' };
      // Only the simulator over HTTP has an origin to serve pictures from; a thumb, when present, is its own.
      if (thumb !== undefined) expect(thumb).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/goods\/1\.png$/);
      expect(water).toEqual({
        productId: 1,
        name: 'Water',
        price: '2.50',
        slotName: 'A01',
        cabinet: 'A',
        addr: 1,
        slot: 0,
        stock: 5,
        capacity: 10,
        goodNo: 'G1',
      });
      expect(products.find((p) => p.productId === 2)?.stock).toBe(0);
      expect(products.find((p) => p.productId === 1120)).toMatchObject({ addr: 3, slot: 20, cabinet: 'A' });
      expect(products.find((p) => p.productId === 204)).toMatchObject({
        cabinet: 'B',
        addr: 2,
        slot: 24,
        slotName: 'B25',
      });
    });

    it('lists only unused, unexpired codes, with never-expiring ones as null', async () => {
      const codes = valueOf(await s.cloud.listCodes(1));
      expect(codes.map((c) => c.code).sort()).toEqual(['11110001', '11110002']);
      expect(codes.find((c) => c.code === '11110001')).toMatchObject({
        id: 11,
        status: 'UNUSED',
        quantity: 1,
        expiresAt: null,
      });
      expect(codes.find((c) => c.code === '11110002')).toMatchObject({
        quantity: 2,
        expiresAt: Date.parse('2099-06-30T16:00:00Z'),
      });
      expect(valueOf(await s.cloud.listCodes(202))).toEqual([]);
      expect(errorOf(await s.cloud.listCodes(999_999)).code).toBe('code-not-found');
    });

    it('consumes a code once, and answers the same order again for the same trade id', async () => {
      const first = valueOf(await s.cloud.consume({ productId: 200, code: '33330001', tradeId: tradeId(1) }));
      expect(first).toMatchObject({ tradeId: tradeId(1), pickupCodeId: 31, amount: '59.70' });
      expect(first.records).toEqual([
        expect.objectContaining({ productId: 200, quantity: 3, price: '19.90' }),
      ]);
      expect(s.state.codes().find((c) => c.id === 31)?.status).toBe('USED');
      expect(valueOf(await s.cloud.listCodes(200))).toEqual([]);

      const again = valueOf(await s.cloud.consume({ productId: 200, code: '33330001', tradeId: tradeId(1) }));
      expect(again).toEqual(first);
      expect(s.state.orders()).toHaveLength(1);
      expect(valueOf(await s.cloud.orderDetail(first.orderId))).toEqual(first);
    });

    it('refuses a code used by another trade, an unknown code, an expired code and an empty slot', async () => {
      valueOf(await s.cloud.consume({ productId: 1, code: '11110001', tradeId: tradeId(2) }));
      const used = errorOf(await s.cloud.consume({ productId: 1, code: '11110001', tradeId: tradeId(3) }));
      expect(used).toMatchObject({ code: 'code-used', vendorCode: 10025 });
      expect(
        errorOf(await s.cloud.consume({ productId: 1, code: '11110004', tradeId: tradeId(4) })).code,
      ).toBe('code-used');
      expect(
        errorOf(await s.cloud.consume({ productId: 1, code: '99999999', tradeId: tradeId(5) })).code,
      ).toBe('code-not-found');
      expect(
        errorOf(await s.cloud.consume({ productId: 200, code: '11110002', tradeId: tradeId(6) })).code,
      ).toBe('code-not-found');
      expect(
        errorOf(await s.cloud.consume({ productId: 1, code: '11110003', tradeId: tradeId(7) })).code,
      ).toBe('code-expired');
      expect(
        errorOf(await s.cloud.consume({ productId: 2, code: '22220001', tradeId: tradeId(8) })).code,
      ).toBe('stock');
      expect(errorOf(await s.cloud.consume({ productId: 1, code: '11110002', tradeId: 'short' })).code).toBe(
        'vendor',
      );
      expect(errorOf(await s.cloud.orderDetail(424242)).code).toBe('code-not-found');
    });

    it('reports the pickup-code feature off and the machine offline', async () => {
      s.state.setPickupCodesEnabled(false);
      expect(errorOf(await s.cloud.listCodes(1))).toMatchObject({ code: 'feature-off', vendorCode: 10023 });
      expect(
        errorOf(await s.cloud.consume({ productId: 1, code: '11110001', tradeId: tradeId(9) })).code,
      ).toBe('feature-off');
      s.state.setPickupCodesEnabled(true);
      s.state.setOnline(false);
      expect(
        errorOf(await s.cloud.consume({ productId: 1, code: '11110001', tradeId: tradeId(10) })),
      ).toMatchObject({
        code: 'machine-unavailable',
        vendorCode: 30002,
      });
      expect(s.state.codes().find((c) => c.id === 11)?.status).toBe('UNUSED');
    });

    it('passes an injected vendor error through, classified', async () => {
      s.failNext(30003);
      expect(errorOf(await s.cloud.listCodes(1))).toMatchObject({
        code: 'machine-unavailable',
        vendorCode: 30003,
      });
      expect((await s.cloud.listCodes(1)).ok).toBe(true);
    });

    it('uploads orders in batches of at most 50 and applies stock reports', async () => {
      expect((await s.cloud.uploadOrders(Array.from({ length: 120 }, (_, i) => report(i)))).ok).toBe(true);
      expect(s.state.uploadedOrders().map((batch) => batch.length)).toEqual([50, 50, 20]);
      expect(s.state.uploadedOrders()[0]?.[0]).toMatchObject({
        trade_id: tradeId(500),
        status: 7,
        trade_type: 2,
        amount: '2.50',
      });
      const stock = await s.cloud.updateStock([
        { addr: 1, slotCode: '000', productId: 1, currentInventory: 2, inventory: 10 },
        { addr: 2, slotCode: '', productId: 201, currentInventory: 1, inventory: 4 },
      ]);
      expect(stock.ok).toBe(true);
      expect(s.state.product(1)?.stock).toBe(2);
      expect(s.state.product(201)?.stock).toBe(1);
    });
  });
};
