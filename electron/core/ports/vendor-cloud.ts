import type { Result } from '../../contract/result';

/** A product is the vendor's binding of a good to a slot; its id is what the pickup-code calls use. */
export type Product = {
  readonly productId: number;
  readonly name: string;
  /** Decimal string as the vendor sends it, e.g. "3.50". */
  readonly price: string;
  /** The slot's display name, e.g. "A21". */
  readonly slotName: string;
  readonly cabinet: string;
  /** Driver board address 1–8. */
  readonly addr: number;
  /** Slot number on the board, 0–99 (`channel.code % 100`). */
  readonly slot: number;
  readonly stock: number;
  readonly capacity: number;
  /** The vendor's number for the good itself (`good.good_no`): two slots holding it sell the same thing. */
  readonly goodNo?: string;
  /** The good's picture (`good.thumb`), a public URL the media cache may download; absent when none is set. */
  readonly thumb?: string;
};

export type PickupCodeStatus = 'UNUSED' | 'USED' | 'EXPIRED' | 'UNKNOWN';

export type PickupCode = {
  readonly id: number;
  readonly code: string;
  readonly status: PickupCodeStatus;
  readonly quantity: number;
  /** Epoch ms; null when the code never expires (the vendor omits the field). */
  readonly expiresAt: number | null;
  readonly createdAt: number | null;
};

export type OrderRecord = {
  readonly id: number;
  readonly productId: number;
  readonly quantity: number;
  readonly price: string;
};

export type Order = {
  readonly orderId: number;
  readonly tradeId: string;
  readonly pickupCodeId: number;
  readonly amount: string;
  readonly records: readonly OrderRecord[];
};

export type MachineDetail = {
  readonly name: string;
  readonly online: boolean;
  readonly cabinets: readonly string[];
  readonly machineType: string;
  readonly currency: string;
  readonly contact: string;
};

/**
 * Cloud failures, classified once at the edge. `vendorCode` and `vendorMessage` are kept for the log;
 * the customer only ever sees a sentence chosen from `code`.
 */
export type CloudErrorCode =
  | 'network' // could not connect, connection dropped
  | 'timeout'
  | 'http' // 4xx/5xx without a usable vendor envelope
  | 'malformed' // not JSON, truncated, or `data` of the wrong shape
  | 'auth' // 10008, 10013, 10014, 4006 …
  | 'code-used' // 10025 for an order that is not ours, 6033
  | 'code-expired' // 6032
  | 'code-not-found' // 80002 and friends
  | 'feature-off' // 10023
  | 'machine-unavailable' // 30001–30004
  | 'stock' // 60002, 60003, 6047
  | 'vendor'; // any other non-zero vendor code

export type CloudError = {
  readonly code: CloudErrorCode;
  readonly vendorCode: number | null;
  readonly vendorMessage: string | null;
  readonly httpStatus: number | null;
  /** Operator-facing, in English, free of credentials. */
  readonly detail: string;
};

export type ConsumeRequest = {
  readonly productId: number;
  readonly code: string;
  /** Created and recorded by the caller before the first attempt; retries reuse it. */
  readonly tradeId: string;
};

/** Delivery status numbers are the vendor's: -1 waiting, 0 failed, 1 success, 2 cancelled, 3 dispensing, 4 picked up, 5 timed out. */
export type DeliveryLog = {
  readonly slotName: string;
  readonly deliveryNo: string;
  readonly deliveryIndex: number;
  readonly status: -1 | 0 | 1 | 2 | 3 | 4 | 5;
  readonly failReason: string;
  readonly at: number;
};

export type OrderReport = {
  readonly tradeId: string;
  readonly pickupCodeId: number;
  readonly productId: number;
  readonly quantity: number;
  readonly price: string;
  readonly createdAt: number;
  readonly deliveryLogs: readonly DeliveryLog[];
};

export type StockReport = {
  readonly addr: number;
  readonly slotCode: string;
  readonly productId: number;
  readonly currentInventory: number;
  readonly inventory: number;
};

export interface VendorCloud {
  ping(): Promise<Result<void, CloudError>>;
  machine(): Promise<Result<MachineDetail, CloudError>>;
  /** Every product on every cabinet, every page. */
  listProducts(): Promise<Result<Product[], CloudError>>;
  /** The seed call: unused, unexpired codes of one product. */
  listCodes(productId: number): Promise<Result<PickupCode[], CloudError>>;
  /** Idempotent by trade id: a 10025 for our own trade id answers the existing order. */
  consume(req: ConsumeRequest): Promise<Result<Order, CloudError>>;
  orderDetail(orderId: number): Promise<Result<Order, CloudError>>;
  uploadOrders(orders: readonly OrderReport[]): Promise<Result<void, CloudError>>;
  updateStock(items: readonly StockReport[]): Promise<Result<void, CloudError>>;
  /** Server clock minus local clock, from the last answer's Date header; null before any answer. */
  clockSkewMs(): number | null;
}
