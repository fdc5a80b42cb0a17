import type { KioskStore } from '../ports/store';
import type { TestDispenseRow } from '../ports/test-dispense-store';
import type { Product } from '../ports/vendor-cloud';
import type { ServiceState } from './service-switch';

/** A slot as an operator picks it for a test or a restock: what it holds, how many, and whether it is locked. */
export type OperatorSlot = Pick<
  Product,
  'productId' | 'name' | 'slotName' | 'addr' | 'slot' | 'stock' | 'capacity'
> & { readonly locked: boolean };

export type OperatorView = {
  readonly service: ServiceState;
  /** Every slot the cloud's product list names, by board and slot. */
  readonly slots: readonly OperatorSlot[];
  readonly lastTest: TestDispenseRow | null;
};

/** Read from the store on each call: the maintenance screen asks after every action. */
export const readOperatorView = (store: KioskStore, service: ServiceState): OperatorView => {
  const locked = new Set(store.listSlotLocks().map((l) => `${l.addr}/${l.slot}`));
  const slots = store
    .listProducts()
    .map(({ productId, name, slotName, addr, slot, stock, capacity }) => ({
      productId,
      name,
      slotName,
      addr,
      slot,
      stock,
      capacity,
      locked: locked.has(`${addr}/${slot}`),
    }))
    .sort((a, b) => a.addr - b.addr || a.slot - b.slot);
  return { service, slots, lastTest: store.lastTest() };
};
