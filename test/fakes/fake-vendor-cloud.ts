import { err, ok, type Result } from '../../electron/contract/result';
import { cloudError, vendorError } from '../../electron/core/cloud/cloud-errors';
import { maxOrdersPerUpload } from '../../electron/core/cloud/machine-reports';
import { orderReportToWire } from '../../electron/core/cloud/report-wire';
import { sleep, type Clock } from '../../electron/core/ports/clock';
import type {
  CloudError,
  CloudErrorCode,
  ConsumeRequest,
  MachineDetail,
  Order,
  OrderReport,
  PickupCode,
  Product,
  StockReport,
  VendorCloud,
} from '../../electron/core/ports/vendor-cloud';
import type { SimCloudState } from '../../electron/sim/cloud/state';
import type { SimCode, SimOrder, SimOutcome, SimProduct } from '../../electron/sim/cloud/state-types';

export type FakeCall = Exclude<keyof VendorCloud, 'clockSkewMs'>;

type Scripted = { failure: CloudError; call: FakeCall | null; afterEffect: boolean };

const toProduct = (p: SimProduct): Product => ({
  productId: p.id,
  name: p.name,
  price: p.price,
  slotName: p.slotName,
  cabinet: p.cabinet,
  addr: p.addr,
  slot: p.slot,
  stock: p.stock,
  capacity: p.capacity,
  goodNo: p.goodNo ?? `G${p.id}`,
});

const toCode = (c: SimCode): PickupCode => ({
  id: c.id,
  code: c.code,
  status: c.status === 'CANCELLED' ? 'UNKNOWN' : c.status,
  quantity: c.quantity,
  expiresAt: c.expiresAt,
  createdAt: c.createdAt,
});

const toOrder = (o: SimOrder): Order => ({
  orderId: o.orderId,
  tradeId: o.tradeId,
  pickupCodeId: o.pickupCodeId,
  amount: o.amount,
  records: [{ id: o.recordId, productId: o.productId, quantity: o.quantity, price: o.price }],
});

/**
 * VendorCloud straight over the simulator's state (no HTTP), for unit tests of the redemption engine and the
 * code cache. It keeps the real client's rules (10025 checked against the trade id, uploads in batches of 50)
 * and passes the same contract suite. Control handles: failNext, loseNextAnswer, latency, calls.
 */
export class FakeVendorCloud implements VendorCloud {
  /** Every call made, in order, with its first argument. */
  readonly calls: { call: FakeCall; arg: unknown }[] = [];
  /** Answer delay on the given clock; 0 answers at once. */
  latencyMs = 0;
  skewMs: number | null = null;
  private readonly scripted: Scripted[] = [];

  constructor(
    readonly state: SimCloudState,
    private readonly clock: Clock | null = null,
  ) {}

  /**
   * The next call (of `call`, or of any kind) fails without reaching the cloud: with a vendor code (classified
   * like the real client does) or with a transport class such as 'timeout' or 'network'.
   */
  failNext(failure: number | CloudErrorCode, call: FakeCall | null = null): void {
    this.scripted.push({ failure: this.asError(failure), call, afterEffect: false });
  }

  /** The next `call` reaches the cloud and takes effect, but its answer is lost: the caller sees a timeout. */
  loseNextAnswer(call: FakeCall): void {
    this.scripted.push({
      failure: cloudError('timeout', `${call}: no answer (fake)`),
      call,
      afterEffect: true,
    });
  }

  private asError(failure: number | CloudErrorCode): CloudError {
    return typeof failure === 'number'
      ? vendorError(failure, 'scripted', 200, 'fake vendor cloud')
      : cloudError(failure, `scripted ${failure} (fake)`);
  }

  private async run<T>(
    call: FakeCall,
    arg: unknown,
    fn: () => Result<T, CloudError>,
  ): Promise<Result<T, CloudError>> {
    this.calls.push({ call, arg });
    if (this.latencyMs > 0 && this.clock) await sleep(this.clock, this.latencyMs);
    const index = this.scripted.findIndex((s) => s.call === null || s.call === call);
    const script = index === -1 ? undefined : this.scripted.splice(index, 1)[0];
    if (script && !script.afterEffect) return err(script.failure);
    const result = fn();
    return script ? err(script.failure) : result;
  }

  private answer<T, U>(outcome: SimOutcome<T>, what: string, map: (value: T) => U): Result<U, CloudError> {
    return outcome.ok
      ? ok(map(outcome.value))
      : err(vendorError(outcome.error.vendorCode, outcome.error.message, 200, what));
  }

  ping(): Promise<Result<void, CloudError>> {
    return this.run('ping', null, () => ok(undefined));
  }

  machine(): Promise<Result<MachineDetail, CloudError>> {
    return this.run('machine', null, () => {
      const m = this.state.machine;
      return ok({
        name: m.name,
        online: m.online,
        cabinets: m.cabinets,
        machineType: m.machineType,
        currency: m.currency,
        contact: m.contact,
      });
    });
  }

  listProducts(): Promise<Result<Product[], CloudError>> {
    return this.run('listProducts', null, () =>
      ok(this.state.machine.cabinets.flatMap((cabinet) => this.state.products({ cabinet }).map(toProduct))),
    );
  }

  listCodes(productId: number): Promise<Result<PickupCode[], CloudError>> {
    return this.run('listCodes', productId, () =>
      this.answer(this.state.listCodes(productId), `pickup codes of product ${productId}`, (codes) =>
        codes.map(toCode),
      ),
    );
  }

  consume(req: ConsumeRequest): Promise<Result<Order, CloudError>> {
    return this.run('consume', req, () => {
      const outcome = this.state.consume({ ...req, notifyUrl: 'https://kiosk.invalid/notify' });
      const orderId = outcome.ok ? null : outcome.error.data?.order_id;
      if (outcome.ok || outcome.error.vendorCode !== 10025 || typeof orderId !== 'number') {
        return this.answer(outcome, 'consume', toOrder);
      }
      const existing = this.state.orderDetail(orderId);
      if (existing.ok && existing.value.tradeId === req.tradeId) return ok(toOrder(existing.value));
      return this.answer(outcome, 'consume', toOrder);
    });
  }

  orderDetail(orderId: number): Promise<Result<Order, CloudError>> {
    return this.run('orderDetail', orderId, () =>
      this.answer(this.state.orderDetail(orderId), `order ${orderId}`, toOrder),
    );
  }

  uploadOrders(orders: readonly OrderReport[]): Promise<Result<void, CloudError>> {
    return this.run('uploadOrders', orders, () => {
      for (let start = 0; start < orders.length; start += maxOrdersPerUpload) {
        this.state.recordOrderUpload(orders.slice(start, start + maxOrdersPerUpload).map(orderReportToWire));
      }
      return ok(undefined);
    });
  }

  updateStock(items: readonly StockReport[]): Promise<Result<void, CloudError>> {
    return this.run('updateStock', items, () => {
      if (items.length === 0) return ok(undefined);
      this.state.recordStockUpdate(
        items.map((i) => ({
          addr: i.addr,
          ...(i.slotCode === '' ? { productId: i.productId } : { motorCode: i.slotCode }),
          currentInventory: i.currentInventory,
          inventory: i.inventory,
        })),
      );
      return ok(undefined);
    });
  }

  clockSkewMs(): number | null {
    return this.skewMs;
  }
}
