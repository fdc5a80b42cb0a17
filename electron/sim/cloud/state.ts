import { ok } from '../../contract/result';
import { multiplyPrice } from '../../core/cloud/report-wire';
import { seededRandom } from './prng';
import { motorCodeOf, slotNameOf, type SimMachine, type SimSeed } from './seed-schema';
import { fail } from './sim-failures';
import type {
  ConsumeInput,
  CreateCodesInput,
  SimCode,
  SimCodeEvent,
  SimCodeListener,
  SimOrder,
  SimOutcome,
  SimProduct,
  SimStockItem,
} from './state-types';

export type SimStateOptions = {
  /** The cloud's clock (epoch ms); tests pass a manual one to expire codes. */
  readonly now?: () => number;
  /** Seed for new codes, so runs repeat. */
  readonly randomSeed?: number;
};

/**
 * The fake vendor cloud's data and rules, with no HTTP in it: the HTTP simulator and the in-memory fake both
 * drive this one model, so they cannot disagree. Everything recorded (orders, uploads, stock) is inspectable.
 */
export class SimCloudState {
  readonly machine: SimMachine;
  private readonly productList: SimProduct[];
  private readonly codeList: SimCode[];
  private readonly orderList: SimOrder[] = [];
  private readonly uploads: unknown[][] = [];
  private readonly stockReports: SimStockItem[][] = [];
  private readonly codeListeners = new Set<SimCodeListener>();
  private readonly now: () => number;
  private readonly random: () => number;
  /** Where the simulator serves its pictures of goods (its own base URL once listening); null: no thumbs. */
  pictureOrigin: string | null = null;
  private nextOrderId = 900_001;
  private nextCodeId: number;

  constructor(seed: SimSeed, options: SimStateOptions = {}) {
    this.now = options.now ?? Date.now;
    this.random = seededRandom(options.randomSeed ?? 20_260_101);
    this.machine = { ...seed.machine, cabinets: [...seed.machine.cabinets] };
    this.productList = seed.products.map((p) => ({
      ...p,
      slotName: slotNameOf(p),
      motorCode: motorCodeOf(p),
    }));
    this.codeList = seed.codes.map((c) => ({
      id: c.id,
      code: c.code,
      productId: c.productId,
      quantity: c.quantity,
      status: c.status,
      createdAt: Date.parse(c.createdAt),
      expiresAt: c.expiresAt === null ? null : Date.parse(c.expiresAt),
      orderId: null,
    }));
    this.nextCodeId = Math.max(10_000, ...this.codeList.map((c) => c.id + 1));
  }

  /** The MQTT side listens here to push codes as they appear and go; answers the unsubscribe. */
  onCodeEvent(listener: SimCodeListener): () => void {
    this.codeListeners.add(listener);
    return () => {
      this.codeListeners.delete(listener);
    };
  }

  private emitCodeEvent(event: SimCodeEvent): void {
    for (const listener of this.codeListeners) listener(event);
  }

  setOnline(online: boolean): void {
    this.machine.online = online;
  }

  setPickupCodesEnabled(enabled: boolean): void {
    this.machine.pickupCodesEnabled = enabled;
  }

  /** Sorted by board and slot, as a dashboard lists them. */
  products(scope: { cabinet?: string; addr?: number } = {}): SimProduct[] {
    return this.productList
      .filter(
        (p) =>
          (scope.cabinet === undefined || p.cabinet === scope.cabinet) &&
          (scope.addr === undefined || p.addr === scope.addr),
      )
      .sort((a, b) => a.addr - b.addr || a.slot - b.slot);
  }

  product(id: number): SimProduct | undefined {
    return this.productList.find((p) => p.id === id);
  }

  /** Every code ever seeded or created, in any state. */
  codes(): readonly SimCode[] {
    return this.codeList;
  }

  orders(): readonly SimOrder[] {
    return this.orderList;
  }

  /** Each upload request's orders, as sent (wire form). */
  uploadedOrders(): readonly (readonly unknown[])[] {
    return this.uploads;
  }

  stockUpdates(): readonly (readonly SimStockItem[])[] {
    return this.stockReports;
  }

  private isExpired(code: SimCode): boolean {
    return code.status === 'EXPIRED' || (code.expiresAt !== null && code.expiresAt <= this.now());
  }

  /** The seed call: a product's unused, unexpired codes. */
  listCodes(productId: number): SimOutcome<SimCode[]> {
    if (!this.machine.pickupCodesEnabled) return fail(10023);
    if (!this.product(productId)) return fail(80002, `product ${productId}`);
    return ok(
      this.codeList.filter((c) => c.productId === productId && c.status === 'UNUSED' && !this.isExpired(c)),
    );
  }

  consume(req: ConsumeInput): SimOutcome<SimOrder> {
    if (!this.machine.pickupCodesEnabled) return fail(10023);
    if (!this.machine.online) return fail(30002);
    if (!/^[0-9A-Za-z]{20,32}$/.test(req.tradeId)) return fail(10001, 'trade_id must be 20-32 characters');
    const product = this.product(req.productId);
    if (!product) return fail(80002, `product ${req.productId}`);
    const code = this.codeList.find((c) => c.code === req.code && c.productId === req.productId);
    if (!code || code.status === 'CANCELLED') return fail(80002, 'pickup code');
    if (code.status === 'USED') return fail(10025, undefined, { order_id: code.orderId ?? 0 });
    if (this.isExpired(code)) return fail(6032);
    if (product.stock < code.quantity) return fail(60003);
    if (this.orderList.some((o) => o.tradeId === req.tradeId)) return fail(10001, 'trade_id already used');
    const order: SimOrder = {
      orderId: this.nextOrderId++,
      tradeId: req.tradeId,
      pickupCodeId: code.id,
      recordId: this.orderList.length + 1,
      productId: product.id,
      quantity: code.quantity,
      price: product.price,
      amount: multiplyPrice(product.price, code.quantity),
      notifyUrl: req.notifyUrl,
      createdAt: this.now(),
    };
    this.orderList.push(order);
    code.status = 'USED';
    code.orderId = order.orderId;
    return ok(order);
  }

  orderDetail(orderId: number): SimOutcome<SimOrder> {
    const order = this.orderList.find((o) => o.orderId === orderId);
    return order ? ok(order) : fail(80002, `order ${orderId}`);
  }

  cancelCode(codeId: number): SimOutcome<void> {
    const code = this.codeList.find((c) => c.id === codeId);
    if (!code || code.status === 'CANCELLED') return fail(80002, `pickup code ${codeId}`);
    code.status = 'CANCELLED';
    this.emitCodeEvent({ kind: 'cancelled', code });
    return ok(undefined);
  }

  createCodes(req: CreateCodesInput): SimOutcome<SimCode[]> {
    if (!this.product(req.productId)) return fail(80002, `product ${req.productId}`);
    if (req.codeLength < 6 || req.codeLength > 10 || req.count < 1 || req.count > 100)
      return fail(10001, 'count or code_length');
    const created: SimCode[] = [];
    while (created.length < req.count) {
      const text = Array.from({ length: req.codeLength }, () => Math.floor(this.random() * 10)).join('');
      if (this.codeList.some((c) => c.code === text)) continue;
      const code: SimCode = {
        id: this.nextCodeId++,
        code: text,
        productId: req.productId,
        quantity: 1,
        status: 'UNUSED',
        createdAt: this.now(),
        expiresAt: req.expiresAt,
        orderId: null,
      };
      this.codeList.push(code);
      created.push(code);
    }
    // After the loop, so a listener already sees the whole batch in codes().
    for (const code of created) this.emitCodeEvent({ kind: 'created', code });
    return ok(created);
  }

  recordOrderUpload(orders: readonly unknown[]): void {
    this.uploads.push([...orders]);
  }

  /** Applies a stock report; a slot is found by motor code or product id. Answers how many slots matched. */
  recordStockUpdate(items: readonly SimStockItem[]): number {
    this.stockReports.push([...items]);
    let matched = 0;
    for (const item of items) {
      const product = this.productList.find(
        (p) =>
          p.addr === item.addr &&
          (item.motorCode !== undefined ? p.motorCode === item.motorCode : p.id === item.productId),
      );
      if (!product) continue;
      product.stock = item.currentInventory;
      product.capacity = item.inventory;
      matched++;
    }
    return matched;
  }
}
