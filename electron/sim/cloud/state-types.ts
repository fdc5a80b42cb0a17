import type { Result } from '../../contract/result';

export type SimProduct = {
  readonly id: number;
  readonly name: string;
  readonly price: string;
  readonly cabinet: string;
  readonly addr: number;
  readonly slot: number;
  readonly slotName: string;
  /** 3-digit motor number, e.g. "011" (board 1, slot 11). */
  readonly motorCode: string;
  /** The good's number when the seed shares one between slots; `G<id>` on the wire otherwise. */
  readonly goodNo?: string;
  stock: number;
  capacity: number;
};

/** CANCELLED is the simulator's own mark for a code an operator deleted: the vendor simply stops listing it. */
export type SimCodeStatus = 'UNUSED' | 'USED' | 'EXPIRED' | 'CANCELLED';

export type SimCode = {
  readonly id: number;
  readonly code: string;
  readonly productId: number;
  readonly quantity: number;
  status: SimCodeStatus;
  readonly createdAt: number;
  /** Epoch ms; null: never expires. */
  readonly expiresAt: number | null;
  orderId: number | null;
};

/** What the cloud pushes to the machine over MQTT: a code appeared, or an operator withdrew one. */
export type SimCodeEvent = { readonly kind: 'created' | 'cancelled'; readonly code: SimCode };

export type SimCodeListener = (event: SimCodeEvent) => void;

export type SimOrder = {
  readonly orderId: number;
  readonly tradeId: string;
  readonly pickupCodeId: number;
  readonly recordId: number;
  readonly productId: number;
  readonly quantity: number;
  readonly price: string;
  readonly amount: string;
  readonly notifyUrl: string;
  readonly createdAt: number;
};

/** A vendor-style refusal: the code and message the real cloud would answer, and its `data` if any. */
export type SimFailure = {
  readonly vendorCode: number;
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
};

export type SimOutcome<T> = Result<T, SimFailure>;

export type SimStockItem = {
  readonly addr: number;
  readonly motorCode?: string;
  readonly productId?: number;
  readonly currentInventory: number;
  readonly inventory: number;
};

export type ConsumeInput = {
  readonly productId: number;
  readonly code: string;
  readonly tradeId: string;
  readonly notifyUrl: string;
};

export type CreateCodesInput = {
  readonly productId: number;
  readonly count: number;
  readonly codeLength: number;
  readonly expiresAt: number | null;
};
