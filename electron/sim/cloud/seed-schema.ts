import { z } from 'zod';

/**
 * What the fake vendor cloud starts with. The same shape is used for the built-in demo and for
 * `kioskctl sim cloud --seed FILE`, so a support case can be replayed from a JSON file.
 */
const cabinetSchema = z.string().regex(/^[A-Z]$/, 'a cabinet is one letter A–Z');

export const simMachineSchema = z
  .object({
    machineNo: z.string().regex(/^\d{8}$/, 'machine number is 8 digits'),
    name: z.string().min(1),
    cabinets: z.array(cabinetSchema).min(1).max(7),
    online: z.boolean().default(true),
    /** The dashboard's pickup-code switch; off answers 10023. */
    pickupCodesEnabled: z.boolean().default(true),
    machineType: z.string().default('vending'),
    currency: z.string().default('CNY'),
    contact: z.string().default(''),
  })
  .strict();

export const simProductSchema = z
  .object({
    id: z.number().int().positive(),
    name: z.string().min(1),
    price: z.string().regex(/^\d+\.\d{2}$/, 'price is decimal text with two places, e.g. "3.50"'),
    cabinet: cabinetSchema,
    /** Driver board 1–8; the simulated board answers 1 and 2. */
    addr: z.number().int().min(1).max(8),
    /** Slot on the board, 0–99. */
    slot: z.number().int().min(0).max(99),
    stock: z.number().int().min(0),
    capacity: z.number().int().min(0),
    /** The good's number; two slots holding the same good share it. Default `G<id>`: every slot its own good. */
    goodNo: z.string().min(1).optional(),
  })
  .strict();

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date-time');

export const simCodeSchema = z
  .object({
    id: z.number().int().positive(),
    code: z.string().regex(/^[0-9A-Za-z]{6,10}$/, 'a code is 6–10 letters or digits'),
    productId: z.number().int().positive(),
    quantity: z.number().int().min(1).max(3).default(1),
    status: z.enum(['UNUSED', 'USED', 'EXPIRED']).default('UNUSED'),
    /** ISO 8601; null or absent: never expires. */
    expiresAt: isoTime.nullable().default(null),
    createdAt: isoTime.default('2026-01-01T00:00:00Z'),
  })
  .strict();

const unique = (values: readonly (string | number)[]): boolean => new Set(values).size === values.length;

export const simSeedSchema = z
  .object({
    machine: simMachineSchema,
    products: z.array(simProductSchema),
    codes: z.array(simCodeSchema),
  })
  .strict()
  .superRefine((seed, ctx) => {
    const issue = (message: string): void => {
      ctx.addIssue({ code: 'custom', message });
    };
    if (!unique(seed.products.map((p) => p.id))) issue('product ids must be unique');
    if (!unique(seed.products.map((p) => `${p.addr}/${p.slot}`))) issue('two products share one board slot');
    if (!unique(seed.codes.map((c) => c.id))) issue('code ids must be unique');
    if (!unique(seed.codes.map((c) => c.code))) issue('codes must be unique');
    const productIds = new Set(seed.products.map((p) => p.id));
    for (const c of seed.codes)
      if (!productIds.has(c.productId)) issue(`code ${c.id} names unknown product ${c.productId}`);
    for (const p of seed.products) {
      if (!seed.machine.cabinets.includes(p.cabinet))
        issue(`product ${p.id} is in cabinet ${p.cabinet}, not on the machine`);
      if (p.stock > p.capacity) issue(`product ${p.id} holds more than its capacity`);
    }
  });

export type SimSeed = z.infer<typeof simSeedSchema>;
export type SimSeedInput = z.input<typeof simSeedSchema>;
export type SimMachine = z.infer<typeof simMachineSchema>;
export type SimProductSeed = z.infer<typeof simProductSchema>;

/** Slot name as the vendor shows it: cabinet letter and the slot counted from 1 ("A10" is slot 9). */
export const slotNameOf = (p: { cabinet: string; slot: number }): string =>
  `${p.cabinet}${String(p.slot + 1).padStart(2, '0')}`;

/** The 3-digit motor number: hundreds = board (addr 1 → 0xx), tens and units = slot. */
export const motorCodeOf = (p: { addr: number; slot: number }): string =>
  String((p.addr - 1) * 100 + p.slot).padStart(3, '0');
