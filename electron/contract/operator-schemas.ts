import { z } from 'zod';

/**
 * The operator tools of the maintenance screen (and of `kioskctl kiosk`, over the control channel): test a slot,
 * record a restock, resolve an attention item, the out-of-service switch, the recent log. Like the rest of the
 * maintenance contract, nothing here carries a secret or a pickup code.
 */

// eslint-disable-next-line no-control-regex -- a note is one printable line: no control or line-break characters
export const printableLine = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/;

/** A slot as the board protocol numbers it: board address 1–8, slot 0–99. */
export const testDispenseInputSchema = z
  .object({ addr: z.number().int().min(1).max(8), slot: z.number().int().min(0).max(99) })
  .strict();
export type TestDispenseInput = z.infer<typeof testDispenseInputSchema>;

/** The operator's count of a slot after filling it; the core checks it against the slot's capacity. */
export const restockInputSchema = z
  .object({
    productId: z.number().int().positive().max(2_147_483_647),
    count: z.number().int().min(0).max(9999),
  })
  .strict();
export type RestockInput = z.infer<typeof restockInputSchema>;

export const MAX_RESOLVE_NOTE = 200;

export const resolveAttentionInputSchema = z
  .object({
    redemptionId: z.string().regex(/^\d{20,32}$/),
    note: z.string().min(1).max(MAX_RESOLVE_NOTE).regex(printableLine),
  })
  .strict();
export type ResolveAttentionInput = z.infer<typeof resolveAttentionInputSchema>;

export const setServiceInputSchema = z.object({ inService: z.boolean() }).strict();
export type SetServiceInput = z.infer<typeof setServiceInputSchema>;

/** The maintenance screen's volume steps and mute: either or both; an empty change is refused as input. */
export const setSoundInputSchema = z
  .object({ volume: z.number().int().min(0).max(100).optional(), muted: z.boolean().optional() })
  .strict()
  .refine((input) => input.volume !== undefined || input.muted !== undefined);
export type SetSoundInput = z.infer<typeof setSoundInputSchema>;

/** "The last few hundred": up to this many of the newest log events. */
export const MAX_LOG_LINES = 1000;
export const recentLogInputSchema = z.object({ lines: z.number().int().min(1).max(MAX_LOG_LINES) }).strict();
export type RecentLogInput = z.infer<typeof recentLogInputSchema>;

export const operatorSourceSchema = z.enum(['maintenance', 'kioskctl', 'vendor']);

export const testViewSchema = z
  .object({
    id: z.number().int().positive(),
    addr: z.number().int(),
    slot: z.number().int(),
    /** `intent` only while it runs (or a crash left it; recovery settles it at the next start). */
    state: z.enum(['intent', 'success', 'failed', 'unknown']),
    reason: z.string().nullable(),
    by: operatorSourceSchema,
    /** Epoch ms. */
    startedAt: z.number(),
    finishedAt: z.number().nullable(),
  })
  .strict();
export type TestView = z.infer<typeof testViewSchema>;

export const serviceViewSchema = z
  .object({
    inService: z.boolean(),
    /** Epoch ms the operator took it out; null while in service. */
    since: z.number().nullable(),
    by: operatorSourceSchema.nullable(),
  })
  .strict();
export type ServiceView = z.infer<typeof serviceViewSchema>;

export const operatorSlotViewSchema = z
  .object({
    productId: z.number().int(),
    name: z.string(),
    slotName: z.string(),
    addr: z.number().int(),
    slot: z.number().int(),
    stock: z.number().int(),
    capacity: z.number().int(),
    locked: z.boolean(),
  })
  .strict();
export type OperatorSlotView = z.infer<typeof operatorSlotViewSchema>;

export const operatorViewSchema = z
  .object({
    service: serviceViewSchema,
    slots: z.array(operatorSlotViewSchema),
    lastTest: testViewSchema.nullable(),
  })
  .strict();
export type OperatorView = z.infer<typeof operatorViewSchema>;

/** One log line as the screen lists it: its time, level and event, and its other fields as compact text. */
export const logEventViewSchema = z
  .object({
    t: z.string(),
    /** `unreadable`: a line that is not the logger's JSON (cut short by a crash, say), shown as text. */
    level: z.enum(['debug', 'info', 'warn', 'error', 'unreadable']),
    event: z.string(),
    detail: z.string(),
  })
  .strict();
export type LogEventView = z.infer<typeof logEventViewSchema>;

/** Oldest first, so the list reads like the file; the newest line is the last. */
export const recentLogSchema = z.object({ events: z.array(logEventViewSchema) }).strict();
export type RecentLog = z.infer<typeof recentLogSchema>;
