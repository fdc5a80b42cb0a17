import { z } from 'zod';
import { maintenanceStatusSchema } from './maintenance-schemas';
import {
  recentLogInputSchema,
  recentLogSchema,
  resolveAttentionInputSchema,
  restockInputSchema,
  serviceViewSchema,
  setServiceInputSchema,
  testDispenseInputSchema,
  testViewSchema,
} from './operator-schemas';

/**
 * The kiosk's local control channel (`kioskctl kiosk …` → the running kiosk's main process): one JSON object
 * per line each way. Requests are parsed as strictly as the page's IPC; the inputs are the maintenance
 * screen's own schemas, so the two ways in cannot accept different things.
 */

/** Echoed back so a client can match answers; never interpreted. */
const requestId = z.union([z.string().max(64), z.number().int()]).optional();

export const controlRequestSchema = z.discriminatedUnion('command', [
  z.object({ id: requestId, command: z.literal('status') }).strict(),
  z.object({ id: requestId, command: z.literal('test-dispense'), ...testDispenseInputSchema.shape }).strict(),
  z.object({ id: requestId, command: z.literal('restock'), ...restockInputSchema.shape }).strict(),
  z.object({ id: requestId, command: z.literal('resolve'), ...resolveAttentionInputSchema.shape }).strict(),
  z.object({ id: requestId, command: z.literal('service'), ...setServiceInputSchema.shape }).strict(),
  z.object({ id: requestId, command: z.literal('log'), ...recentLogInputSchema.shape }).strict(),
]);
export type ControlRequest = z.infer<typeof controlRequestSchema>;
export type ControlCommand = ControlRequest['command'];

/** What each command answers when it succeeds. */
export const controlValueSchemas = {
  status: maintenanceStatusSchema,
  'test-dispense': testViewSchema,
  restock: z.object({ productId: z.number().int(), from: z.number().int(), to: z.number().int() }).strict(),
  resolve: z.object({ redemptionId: z.string(), note: z.string() }).strict(),
  service: serviceViewSchema,
  log: recentLogSchema,
} as const satisfies Record<ControlCommand, z.ZodType>;

export type ControlValue<C extends ControlCommand> = z.infer<(typeof controlValueSchemas)[C]>;

/** Like an IPC error code, with an operator-readable sentence: kioskctl prints it. */
export const controlErrorSchema = z
  .object({ code: z.string().max(40), reason: z.string().max(500) })
  .strict();
export type ControlError = z.infer<typeof controlErrorSchema>;

export const controlResponseSchema = z.union([
  z.object({ id: requestId.nullable(), ok: z.literal(true), value: z.unknown() }).strict(),
  z.object({ id: requestId.nullable(), ok: z.literal(false), error: controlErrorSchema }).strict(),
]);
export type ControlResponse = z.infer<typeof controlResponseSchema>;

/** A request line longer than this is refused unread: every real one is well under a kilobyte. */
export const MAX_CONTROL_LINE_BYTES = 16 * 1024;
