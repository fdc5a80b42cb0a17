import type { SlotLock } from '../ports/admin-store';
import type { KioskStore } from '../ports/store';
import type { Product } from '../ports/vendor-cloud';
import type { FloorStatus } from './outgoing';

export type SlotReport = { readonly stock: number; readonly floor: FloorStatus };

/**
 * How a lock reads to the vendor. An unknown outcome is a board that stopped answering mid-dispense (the
 * vendor's "serial timeout"); a quarantine names a jam when the board said the goods were stuck, and is a motor
 * fault otherwise (no current, repeated failures).
 */
export const floorStatusOf = (lock: SlotLock | null): FloorStatus => {
  if (!lock) return 1;
  if (lock.kind === 'unknown') return 47;
  return /stuck|jam/i.test(lock.reason) ? 2 : 3;
};

export const slotReportsNow = (store: KioskStore, products: readonly Product[]): Map<number, SlotReport> => {
  const locks = new Map(store.listSlotLocks().map((l) => [`${l.addr}/${l.slot}`, l]));
  return new Map(
    products.map((p) => [
      p.productId,
      { stock: p.stock, floor: floorStatusOf(locks.get(`${p.addr}/${p.slot}`) ?? null) },
    ]),
  );
};

const KEY = 'live.reported';

export const readReported = (store: KioskStore): Map<number, SlotReport> | null => {
  const text = store.getMeta(KEY);
  if (text === null) return null;
  try {
    return new Map(JSON.parse(text) as [number, SlotReport][]);
  } catch {
    return null;
  }
};

export const saveReported = (store: KioskStore, reported: ReadonlyMap<number, SlotReport>): void => {
  store.setMeta(KEY, JSON.stringify([...reported]));
};

export type SlotChange = {
  readonly productId: number;
  readonly stock?: number;
  readonly floor?: FloorStatus;
};

/** What differs from what the platform was last told; a product that was never reported is told in full. */
export const slotChanges = (
  before: ReadonlyMap<number, SlotReport>,
  now: ReadonlyMap<number, SlotReport>,
): SlotChange[] =>
  [...now].flatMap(([productId, r]) => {
    const was = before.get(productId);
    const stock = was?.stock === r.stock ? undefined : r.stock;
    const floor = was?.floor === r.floor ? undefined : r.floor;
    if (stock === undefined && floor === undefined) return [];
    return [
      { productId, ...(stock === undefined ? {} : { stock }), ...(floor === undefined ? {} : { floor }) },
    ];
  });
