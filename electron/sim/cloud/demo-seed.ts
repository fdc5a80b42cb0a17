import type { Credentials } from '../../core/ports/credentials';
import { simSeedSchema, slotNameOf, type SimSeed, type SimSeedInput } from './seed-schema';

/** Obviously fake credentials for demo mode and the standalone simulator; they open nothing real. */
export const demoCredentials: Credentials = {
  appId: 'demo-appid',
  appSecret: 'demo-secret',
  appKey: 'DEMOKEY',
};

export const demoMachineNo = '12345678';

/** Cabinet A is driver board 1, cabinet B is board 2 (the simulated board answers both). */
const demoProducts: SimSeedInput['products'] = [
  { id: 101, name: 'Sparkling Water', price: '2.50', cabinet: 'A', addr: 1, slot: 0, stock: 8, capacity: 10 },
  { id: 102, name: 'Orange Juice', price: '3.50', cabinet: 'A', addr: 1, slot: 1, stock: 6, capacity: 10 },
  { id: 103, name: 'Cola', price: '3.00', cabinet: 'A', addr: 1, slot: 2, stock: 9, capacity: 10 },
  { id: 104, name: 'Green Tea', price: '3.00', cabinet: 'A', addr: 1, slot: 9, stock: 5, capacity: 8 },
  { id: 105, name: 'Potato Chips', price: '4.50', cabinet: 'A', addr: 1, slot: 10, stock: 7, capacity: 8 },
  { id: 106, name: 'Chocolate Bar', price: '5.00', cabinet: 'A', addr: 1, slot: 11, stock: 12, capacity: 12 },
  { id: 201, name: 'Phone Charger', price: '29.90', cabinet: 'B', addr: 2, slot: 0, stock: 4, capacity: 5 },
  { id: 202, name: 'Earbuds', price: '49.00', cabinet: 'B', addr: 2, slot: 1, stock: 3, capacity: 5 },
  { id: 203, name: 'Umbrella', price: '25.00', cabinet: 'B', addr: 2, slot: 9, stock: 5, capacity: 6 },
  { id: 204, name: 'Notebook', price: '8.80', cabinet: 'B', addr: 2, slot: 10, stock: 10, capacity: 10 },
];

/** Usable codes of quantity 1, 2 and 3, plus one spent and one expired code to show those outcomes. */
const demoCodeList: SimSeedInput['codes'] = [
  { id: 5001, code: '24681357', productId: 101, quantity: 1 },
  { id: 5002, code: '13572468', productId: 106, quantity: 2 },
  { id: 5003, code: '11223344', productId: 103, quantity: 3 },
  { id: 5004, code: '55667788', productId: 203, quantity: 1, expiresAt: '2099-12-31T15:59:59Z' },
  { id: 5005, code: '80808080', productId: 202, quantity: 1 },
  { id: 5006, code: '36925814', productId: 105, quantity: 2, expiresAt: '2099-12-31T15:59:59Z' },
  { id: 5007, code: '99990000', productId: 102, quantity: 1, status: 'USED' },
  { id: 5008, code: '90000009', productId: 104, quantity: 1, expiresAt: '2020-01-01T00:00:00Z' },
];

/** The demo machine 12345678 with two cabinets. Deterministic: the same every time, so demos and tests agree. */
export const demoSeed = (): SimSeed =>
  simSeedSchema.parse({
    machine: {
      machineNo: demoMachineNo,
      name: 'Demo Pickup Kiosk',
      cabinets: ['A', 'B'],
      contact: '400-000-0000',
    },
    products: demoProducts,
    codes: demoCodeList,
  });

export type DemoCode = {
  readonly code: string;
  readonly quantity: number;
  readonly productName: string;
  readonly slotName: string;
};

/** Codes a person trying the demo can redeem (unused, unexpired at `now`), for the demo screen to show. */
export const listDemoCodes = (now: number, seed: SimSeed = demoSeed()): DemoCode[] =>
  seed.codes.flatMap((c) => {
    const product = seed.products.find((p) => p.id === c.productId);
    const expired = c.expiresAt !== null && Date.parse(c.expiresAt) <= now;
    if (!product || c.status !== 'UNUSED' || expired) return [];
    return [{ code: c.code, quantity: c.quantity, productName: product.name, slotName: slotNameOf(product) }];
  });
