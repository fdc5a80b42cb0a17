import { z } from 'zod';

/** A pickup code as typed or scanned: 6 to 10 letters or digits (the vendor's documented range). */
export const pickupCodeSchema = z.string().regex(/^[0-9A-Za-z]{6,10}$/);

export const submitCodeInputSchema = z.object({ code: z.string().max(64) }).strict();
export type SubmitCodeInput = z.infer<typeof submitCodeInputSchema>;

export const emptyInputSchema = z.object({}).strict();

export const linkStatusSchema = z.enum(['connected', 'reconnecting', 'down']);
export type LinkStatus = z.infer<typeof linkStatusSchema>;

/**
 * What a starting kiosk is busy with, shown on its "starting" screen: reading its configuration, waiting for the
 * board's first answer, finishing pickups a restart interrupted, loading the pickup codes.
 */
export const startupStepSchema = z.enum(['configuration', 'board', 'recovery', 'codes']);
export type StartupStep = z.infer<typeof startupStepSchema>;

/** The kiosk's sound as the page plays it: volume 0–100 and the operator's mute. */
export const soundSchema = z
  .object({ volume: z.number().int().min(0).max(100), muted: z.boolean() })
  .strict();
export type Sound = z.infer<typeof soundSchema>;

export const kioskStateSchema = z
  .object({
    mode: z.enum(['demo', 'live']),
    /** `starting` while interrupted redemptions are resolved; codes are refused until `ready`. */
    phase: z.enum(['starting', 'ready', 'out-of-service']),
    /** Only while `starting`. */
    startupStep: startupStepSchema.optional(),
    machineName: z.string(),
    /** The language every new customer starts in. */
    language: z.string(),
    /** The languages the customer may switch between on screen, in order; absent or one: no switch. */
    languages: z.array(z.string().max(16)).max(8).optional(),
    /** Whether a quiet kiosk shows its attract screen; absent: it does not. */
    attract: z.boolean().optional(),
    /** Clicks, chimes and speech at this volume; absent: the kiosk stays silent. */
    sound: soundSchema.optional(),
    board: linkStatusSchema,
    /** Epoch ms until which code entry is locked after too many wrong codes; null when open. */
    entryLockedUntil: z.number().nullable(),
    /** Only in demo mode: codes the person trying the kiosk can use. */
    demoCodes: z.array(z.string()),
    idleTimeoutSeconds: z.number().int().positive(),
    /** Who the customer calls when an outcome needs attention (phone or short text); absent when not configured. */
    supportContact: z.string().max(80).optional(),
  })
  .strict();
export type KioskState = z.infer<typeof kioskStateSchema>;

export const unitOutcomeSchema = z.enum(['success', 'failed', 'unknown']);

/** A cached picture on the app's own origin: exactly the names the media cache writes, nothing to climb with. */
export const mediaPathSchema = z.string().regex(/^media\/[0-9a-f]{64}\.(?:jpg|png|webp)$/);

export const redemptionProgressSchema = z
  .object({
    redemptionId: z.string(),
    stage: z.enum(['checking', 'dispensing', 'unit-done']),
    /** 1-based unit being dispensed and the total, for "n of m". */
    unit: z.number().int().positive().optional(),
    of: z.number().int().positive().optional(),
    unitOutcome: unitOutcomeSchema.optional(),
    productName: z.string().optional(),
    /** The item's photo as a path on the app's own origin (`media/<sha256>.<ext>`), only once it is cached. */
    productPhoto: mediaPathSchema.optional(),
    /** The slot the item drops from, as the vendor names it (e.g. "A21"). */
    slotName: z.string().max(32).optional(),
  })
  .strict();
export type RedemptionProgress = z.infer<typeof redemptionProgressSchema>;

export const redemptionResultSchema = z
  .object({
    redemptionId: z.string(),
    /** success: all units dropped; partial: some did; failed: none did; attention: an outcome is unknown. */
    outcome: z.enum(['success', 'partial', 'failed', 'attention']),
    dispensed: z.number().int().nonnegative(),
    of: z.number().int().positive(),
    productName: z.string(),
    /** Short reference the customer can quote to support. */
    reference: z.string(),
    /** Items this code is still owed (they certainly did not drop): the same code typed again dispenses them. */
    owed: z.number().int().nonnegative(),
    productPhoto: mediaPathSchema.optional(),
    slotName: z.string().max(32).optional(),
  })
  .strict();
export type RedemptionResult = z.infer<typeof redemptionResultSchema>;
