import type { KioskStore } from '../ports/store';
import type { Product } from '../ports/vendor-cloud';
import { channelStatus, productPut, type LiveCommon, type OutgoingFields } from './outgoing';
import { readReported, saveReported, slotChanges, slotReportsNow } from './slot-reports';

/**
 * Queues `client.product.put` for every product whose count changed and `client.channel.status.put` for every
 * slot whose health changed since the platform was last told, with the new baseline in the same commit. Nothing
 * is written when nothing changed. The first run only records the baseline: the platform has the stock from the
 * Open API reports already, and 500 messages at the first connect would tell it nothing new.
 */
export const reportSlotChanges = (
  store: KioskStore,
  common: LiveCommon,
  products: readonly Product[],
  enqueue: (fields: OutgoingFields) => void,
): number => {
  const now = slotReportsNow(store, products);
  const before = readReported(store);
  if (before === null) {
    saveReported(store, now);
    return 0;
  }
  const changes = slotChanges(before, now);
  if (changes.length === 0) return 0;
  store.transaction(() => {
    for (const c of changes) {
      if (c.stock !== undefined)
        enqueue(productPut(common, { productId: c.productId, currentInventory: c.stock, onShelf: true }));
      if (c.floor !== undefined)
        enqueue(channelStatus(common, { productId: c.productId, floorStatus: c.floor, lockStatus: -1 }));
    }
    saveReported(store, now);
  });
  return changes.length;
};
