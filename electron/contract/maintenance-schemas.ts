import { z } from 'zod';
import { operatorViewSchema } from './operator-schemas';
import { kioskStateSchema, linkStatusSchema } from './schemas';

/**
 * The operator's maintenance screen. Its answers carry what an operator needs to see and act on, never a
 * secret: no credential, no PIN or PIN hash, and pickup codes only in their masked form.
 */

/** The maintenance keypad has digits only, and `kioskctl pin hash` accepts 4–12 of them. */
export const maintenanceOpenInputSchema = z.object({ pin: z.string().regex(/^\d{4,12}$/) }).strict();
export type MaintenanceOpenInput = z.infer<typeof maintenanceOpenInputSchema>;

/** A slot as the board protocol numbers it: board address 1–8, slot 0–99. */
export const slotAddressSchema = z
  .object({ addr: z.number().int().min(1).max(8), slot: z.number().int().min(0).max(99) })
  .strict();
export type SlotAddress = z.infer<typeof slotAddressSchema>;

/** A pickup code as the operator may see it: stars, then at most its last two characters. */
export const maskedCodeSchema = z.string().regex(/^\*{2,}[0-9A-Za-z]{0,2}$/);

export const slotLockViewSchema = z
  .object({
    addr: z.number().int(),
    slot: z.number().int(),
    /** `unknown`: a drop nobody could confirm; `quarantine`: the slot failed in a way that says it is broken. */
    kind: z.enum(['unknown', 'quarantine']),
    reason: z.string(),
    /** Epoch ms. */
    lockedAt: z.number(),
  })
  .strict();
export type SlotLockView = z.infer<typeof slotLockViewSchema>;

export const attentionViewSchema = z
  .object({
    redemptionId: z.string(),
    codeMask: maskedCodeSchema,
    slotName: z.string(),
    note: z.string().nullable(),
    /** Epoch ms of the redemption's last change. */
    at: z.number(),
  })
  .strict();
export type AttentionView = z.infer<typeof attentionViewSchema>;

/** A code still owed items: typed again it dispenses them, unless an operator settles it. */
export const owedViewSchema = z
  .object({
    redemptionId: z.string(),
    codeMask: maskedCodeSchema,
    slotName: z.string(),
    owed: z.number().int().positive(),
    /** Epoch ms of the redemption's last change. */
    at: z.number(),
  })
  .strict();
export type OwedView = z.infer<typeof owedViewSchema>;

/** A board the start-up check took out: its slots refuse codes, the other boards' slots serve. */
export const boardOutViewSchema = z
  .object({ addr: z.number().int(), kind: z.enum(['down', 'mismatch']), reason: z.string() })
  .strict();
export type BoardOutView = z.infer<typeof boardOutViewSchema>;

export const settleOwedInputSchema = z.object({ redemptionId: z.string().regex(/^\d{20,32}$/) }).strict();
export type SettleOwedInput = z.infer<typeof settleOwedInputSchema>;

export const maintenanceDiagnosticsSchema = z
  .object({
    outboxLength: z.number().int().nonnegative(),
    slotLocks: z.array(slotLockViewSchema),
    needsAttention: z.array(attentionViewSchema),
    owed: z.array(owedViewSchema),
    boardsOut: z.array(boardOutViewSchema),
    openRedemptions: z.number().int().nonnegative(),
    cacheAgeMs: z.number().nonnegative().nullable(),
    /** Cloud time minus local time; null until the cloud has answered once. */
    clockSkewMs: z.number().nullable(),
    /** The vendor's MQTT channel; absent when the machine has none. */
    liveLink: z
      .object({
        state: z.enum(['off', 'connecting', 'up', 'waiting']),
        /** Messages for the platform waiting in the outbox. */
        waiting: z.number().int().nonnegative(),
        accepted: z.number().int().nonnegative(),
        /** Received messages dropped unread: bad signature, stale, repeated, malformed. */
        dropped: z.number().int().nonnegative(),
        lastError: z.string().nullable(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type MaintenanceDiagnostics = z.infer<typeof maintenanceDiagnosticsSchema>;

export const credentialStoreViewSchema = z
  .object({
    /** `not-used`: the demo runs on the simulated cloud and needs no credentials. */
    state: z.enum(['ready', 'ready-weak', 'refused-weak', 'unavailable', 'not-used']),
    /** One line, e.g. "credentials are encrypted by the OS store (gnome_libsecret)" or the WEAK warning. */
    message: z.string(),
  })
  .strict();
export type CredentialStoreView = z.infer<typeof credentialStoreViewSchema>;

export const maintenanceStatusSchema = z
  .object({
    machineNo: z.string(),
    machineName: z.string(),
    version: z.string(),
    mode: kioskStateSchema.shape.mode,
    phase: kioskStateSchema.shape.phase,
    /** Why the kiosk refuses codes (safe to show: it names files and settings, never secrets); null when running. */
    outOfServiceReason: z.string().nullable(),
    board: linkStatusSchema,
    credentialStore: credentialStoreViewSchema,
    /** Null when the kiosk is out of service and its core is not running. */
    diagnostics: maintenanceDiagnosticsSchema.nullable(),
    /** The operator tools' view (slots, service switch, last test); absent when the core is not running. */
    operator: operatorViewSchema.optional(),
  })
  .strict();
export type MaintenanceStatus = z.infer<typeof maintenanceStatusSchema>;

export const maintenanceClosedSchema = z.object({ closed: z.literal(true) }).strict();
