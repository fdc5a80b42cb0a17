import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';

/**
 * Faults the simulated board can be told to produce. Physical faults change what the motor does;
 * reply faults change only the answer on the wire (the board still did whatever the command asked).
 */
export const physicalFaultKinds = ['jam', 'no-current', 'motor-timeout', 'sensor-blocked'] as const;
/** Faults on the wire: the board acted on the request, the kiosk hears nothing, noise, or a bad frame. */
export const wireFaultKinds = ['lost-reply', 'corrupt-crc', 'wrong-address', 'garbage'] as const;
export const replyFaultKinds = ['busy', ...wireFaultKinds] as const;

export const simFaultSchema = z
  .object({
    kind: z.enum([...physicalFaultKinds, ...replyFaultKinds]),
    addr: z.number().int().min(1).max(8).optional(),
    slot: z.number().int().min(0).max(99).optional(),
    /** Which request a reply fault hits; physical faults always hit a dispense. */
    on: z.enum(['dispense', 'shipment-status', 'any']).default('dispense'),
    /** How many matching requests it hits before it is used up. */
    times: z.union([z.number().int().min(1), z.literal('always')]).default(1),
  })
  .strict();
export type SimFault = z.infer<typeof simFaultSchema>;
export type SimFaultInput = z.input<typeof simFaultSchema>;

const slotKey = z.string().regex(/^\d{1,2}$/, 'slot numbers are 0–99');

export const simBoardSchema = z
  .object({
    addr: z.number().int().min(1).max(8),
    rows: z.number().int().min(1).max(10).default(10),
    columns: z.number().int().min(1).max(10).default(10),
    /** Slots whose motor type is fixed; a dispense with another type gets "Slot Type Error". */
    slotTypes: z.record(slotKey, z.number().int().min(1).max(4)).default({}),
    dropSensor: z.boolean().default(true),
    lift: z.boolean().default(false),
    defaultStock: z.number().int().min(0).default(10),
    stock: z.record(slotKey, z.number().int().min(0)).default({}),
  })
  .strict();
export type SimBoardConfig = z.infer<typeof simBoardSchema>;

export const simConfigSchema = z
  .object({
    boards: z
      .array(simBoardSchema)
      .min(1)
      .max(8)
      .default([simBoardSchema.parse({ addr: 1 })]),
    /** Motor run time per slot type: the vendor quotes about 0.5–1 s. */
    motorMs: z
      .object({
        lock: z.number().int().min(0).default(300),
        spring: z.number().int().min(0).default(800),
        conveyor: z.number().int().min(0).default(1500),
        timed: z.number().int().min(0).default(1000),
      })
      .strict()
      .default({ lock: 300, spring: 800, conveyor: 1500, timed: 1000 }),
    liftMs: z.number().int().min(0).default(1200),
    /** Time the board takes to answer a request (a real board needs a few ms). */
    replyDelayMs: z.number().int().min(0).default(5),
    /** The board's own motor limit: past it a stalled motor is reported as "Feedback Error". */
    motorTimeoutMs: z.number().int().min(1).default(8000),
    /** A locker door stays open this long after a lock slot is released. */
    doorOpenMs: z.number().int().min(0).default(3000),
    faults: z.array(simFaultSchema).default([]),
    /** Seed for the garbage-bytes fault, so a failing run can be repeated. */
    seed: z.number().int().default(1),
  })
  .strict()
  .refine((c) => new Set(c.boards.map((b) => b.addr)).size === c.boards.length, {
    error: 'two boards share one address',
  });
export type SimConfig = z.infer<typeof simConfigSchema>;
export type SimConfigInput = z.input<typeof simConfigSchema>;

export const parseSimConfig = (value: unknown): Result<SimConfig, string> => {
  const parsed = simConfigSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
};

export const loadSimConfig = (path: string): Result<SimConfig, string> => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return err(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return parseSimConfig(JSON.parse(text));
  } catch {
    return err(`${path} is not valid JSON`);
  }
};
