import { err, ok, type Result } from '../../../../electron/contract/result';
import { cloudError } from '../../../../electron/core/cloud/cloud-errors';
import type {
  CloudError,
  PickupCode,
  Product,
  VendorCloud,
} from '../../../../electron/core/ports/vendor-cloud';

const notHere = (): Promise<Result<never, CloudError>> =>
  Promise.resolve(err(cloudError('network', 'not used by the code cache tests')));

export const product = (productId: number, stock = 5): Product => ({
  productId,
  name: `P${productId}`,
  price: '1.00',
  slotName: `A${productId % 100}`,
  cabinet: 'A',
  addr: Math.floor(productId / 100) + 1,
  slot: productId % 100,
  stock,
  capacity: 10,
});

/**
 * A cloud that is two tables a test edits directly: products and each product's pickup codes. Answers at once;
 * `failing` makes a product's code list fail with a timeout. Calls other than the two a refresh makes fail.
 */
export class TableCloud implements VendorCloud {
  readonly products = new Map<number, Product>();
  readonly codes = new Map<number, PickupCode[]>();
  readonly failing = new Set<number>();
  /** The product of every code list asked for, in order. */
  readonly listed: number[] = [];
  productLists = 0;

  /** `count` products, ids from 1, each with `perProduct` unused codes (code ids from 1, 8 digits). */
  static filled(count: number, perProduct: number): TableCloud {
    const cloud = new TableCloud();
    for (let p = 1; p <= count; p++) {
      cloud.products.set(p, product(p));
      for (let i = 0; i < perProduct; i++) cloud.addCode(p, (p - 1) * perProduct + i + 1);
    }
    return cloud;
  }

  addCode(productId: number, id: number, quantity = 1): PickupCode {
    const code: PickupCode = {
      id,
      code: String(10_000_000 + id),
      status: 'UNUSED',
      quantity,
      expiresAt: null,
      createdAt: 1,
    };
    this.codes.set(productId, [...(this.codes.get(productId) ?? []), code]);
    return code;
  }

  /** Rewrites code `id` wherever it is listed. */
  editCode(id: number, change: Partial<Omit<PickupCode, 'id' | 'code'>>): void {
    for (const [productId, list] of this.codes)
      this.codes.set(
        productId,
        list.map((c) => (c.id === id ? { ...c, ...change } : c)),
      );
  }

  listProducts(): Promise<Result<Product[], CloudError>> {
    this.productLists++;
    return Promise.resolve(ok([...this.products.values()]));
  }

  listCodes(productId: number): Promise<Result<PickupCode[], CloudError>> {
    this.listed.push(productId);
    if (this.failing.has(productId)) return Promise.resolve(err(cloudError('timeout', 'scripted')));
    return Promise.resolve(ok(this.codes.get(productId) ?? []));
  }

  ping = notHere;
  machine = notHere;
  consume = notHere;
  orderDetail = notHere;
  uploadOrders = notHere;
  updateStock = notHere;
  clockSkewMs(): number | null {
    return null;
  }
}
