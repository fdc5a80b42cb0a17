import { simSeedSchema, type SimSeed, type SimSeedInput } from '../../electron/sim/cloud/seed-schema';

/** `count` products over boards 1–8 (100 slots each, one cabinet letter per board), with the given codes. */
export const benchSeed = (count: number, stock: number, codes: SimSeedInput['codes']): SimSeed => {
  const cabinets = 'ABCDEFGH'.split('').slice(0, Math.ceil(count / 100));
  return simSeedSchema.parse({
    machine: { machineNo: '12345678', name: 'Bench', cabinets },
    products: Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      name: `P${i + 1}`,
      price: '1.00',
      cabinet: cabinets[Math.floor(i / 100)],
      addr: Math.floor(i / 100) + 1,
      slot: i % 100,
      stock,
      capacity: stock,
    })),
    codes,
  });
};
