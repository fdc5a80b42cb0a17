import { simSeedSchema, type SimSeed } from '../../electron/sim/cloud/seed-schema';

/** A machine big enough to need paging: cabinet A has 150 slots over boards 1 and 3, cabinet B five on board 2. */
export const contractSeed = (): SimSeed => {
  const filler = Array.from({ length: 148 }, (_, i) => {
    const n = i + 2;
    return {
      id: 1000 + n,
      name: `Item ${n}`,
      price: '1.00',
      cabinet: 'A',
      addr: n < 100 ? 1 : 3,
      slot: n % 100,
      stock: 3,
      capacity: 5,
    };
  });
  return simSeedSchema.parse({
    machine: { machineNo: '87654321', name: 'Contract Machine', cabinets: ['A', 'B'] },
    products: [
      { id: 1, name: 'Water', price: '2.50', cabinet: 'A', addr: 1, slot: 0, stock: 5, capacity: 10 },
      { id: 2, name: 'Sold Out Soda', price: '3.00', cabinet: 'A', addr: 1, slot: 1, stock: 0, capacity: 10 },
      ...filler,
      ...[0, 1, 2, 3, 4].map((slot) => ({
        id: 200 + slot,
        name: `Gadget ${slot}`,
        price: '19.90',
        cabinet: 'B',
        addr: 2,
        slot: slot + 20,
        stock: 4,
        capacity: 4,
      })),
    ],
    codes: [
      { id: 11, code: '11110001', productId: 1, quantity: 1 },
      { id: 12, code: '11110002', productId: 1, quantity: 2, expiresAt: '2099-06-30T16:00:00Z' },
      { id: 13, code: '11110003', productId: 1, quantity: 1, expiresAt: '2020-01-01T00:00:00Z' },
      { id: 14, code: '11110004', productId: 1, quantity: 1, status: 'USED' },
      { id: 21, code: '22220001', productId: 2, quantity: 1 },
      { id: 31, code: '33330001', productId: 200, quantity: 3 },
    ],
  });
};

export const contractCredentials = {
  appId: 'test-appid',
  appSecret: 'test-secret',
  appKey: 'TESTKEY',
} as const;
