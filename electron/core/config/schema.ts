import { z } from 'zod';
import { pinHashProblem } from '../security/pin-hash-format';
import { alertsSchema } from './alerts-schema';
import { liveLinkSchema } from './live-link-schema';
import {
  flag,
  intRange,
  message,
  oneOf,
  outboundUrl,
  pattern,
  section,
  showValue,
  text,
} from './schema-fields';

/**
 * The machine configuration: one file per machine, written by the installer. Every setting has a default
 * except what only the installer can know (machine number, cloud URLs, serial port, boards).
 * Credentials are never part of it: they come from the provisioning file into the OS-encrypted store.
 * Messages are written for installers; parse with `parseMachineConfig` (parse-config.ts) to get them as lines.
 */

/** The vendor cloud must be reached over https; plain http is allowed only to this machine (the simulator). */
export const cloudUrlSchema = outboundUrl(
  z.string({
    error: (iss) =>
      iss.input === undefined
        ? 'is required (an https:// URL)'
        : `must be an https:// URL, got ${showValue(iss.input)}`,
  }),
);

const customerLanguage = oneOf(['en', 'zh-CN']);

/** Board motor types (board-protocol.md): 1 spring, 2 electromagnetic lock, 3 conveyor belt, 4 timed motor. */
export const slotTypeSchema = oneOf([1, 2, 3, 4]);

export const boardSchema = section({
  /** The board's Modbus address, set on the board itself; chained boards each need their own. */
  addr: intRange(1, 8),
  /** Motor type for every slot on this board unless `slotTypes` says otherwise. */
  defaultSlotType: slotTypeSchema.default(1),
  /** Per-slot overrides: slot number (0–99, no leading zero, so "7" and "07" cannot both exist) as the key. */
  slotTypes: z
    .record(z.string().regex(/^(0|[1-9]\d?)$/), slotTypeSchema, {
      error: (iss) =>
        iss.code === 'invalid_key'
          ? `slot ${showValue(iss.input)} is not a slot number: use 0–99 without leading zeros`
          : `must be an object of slot number → type, such as { "12": 3 }, got ${showValue(iss.input)}`,
    })
    .default({}),
  dropSensor: flag().default(false),
  lift: flag().default(false),
});

const boardsSchema = z
  .array(boardSchema, {
    error: (iss) =>
      iss.input === undefined
        ? 'is required (a list of 1–8 boards)'
        : `must be a list of boards, got ${showValue(iss.input)}`,
  })
  .min(1, { error: 'must list at least one board' })
  .max(8, {
    error: (iss) => `must list at most 8 boards, got ${Array.isArray(iss.input) ? iss.input.length : '?'}`,
  })
  .check((ctx) => {
    const seen = new Set<number>();
    ctx.value.forEach((board, index) => {
      if (seen.has(board.addr)) {
        ctx.issues.push({
          code: 'custom',
          input: board.addr,
          path: [index, 'addr'],
          message: `address ${board.addr} is used by another board; each board needs its own address`,
        });
      }
      seen.add(board.addr);
    });
  });

const throttleSchema = section({
  maxWrongCodes: intRange(1, 50, 'wrong codes').default(5),
  windowSeconds: intRange(10, 3600, 'seconds').default(120),
  lockoutSeconds: intRange(5, 3600, 'seconds').default(60),
  maxLockoutSeconds: intRange(5, 86_400, 'seconds').default(900),
  /** Wrong codes allowed in any 60 minutes, however they are spaced; then entry waits for room. */
  maxWrongCodesPerHour: intRange(1, 1000, 'wrong codes').default(20),
  /** Wrong codes allowed in any 24 hours. */
  maxWrongCodesPerDay: intRange(1, 10_000, 'wrong codes').default(60),
  /** A clean spell this long after the end of the last lockout forgives the doubling. */
  levelResetSeconds: intRange(60, 604_800, 'seconds').default(3600),
}).check((ctx) => {
  const { lockoutSeconds, maxLockoutSeconds, maxWrongCodesPerHour, maxWrongCodesPerDay } = ctx.value;
  if (lockoutSeconds > maxLockoutSeconds) {
    ctx.issues.push({
      code: 'custom',
      input: lockoutSeconds,
      path: ['lockoutSeconds'],
      message: `must not exceed maxLockoutSeconds (${maxLockoutSeconds}), got ${lockoutSeconds}`,
    });
  }
  if (maxWrongCodesPerHour > maxWrongCodesPerDay) {
    ctx.issues.push({
      code: 'custom',
      input: maxWrongCodesPerHour,
      path: ['maxWrongCodesPerHour'],
      message: `must not exceed maxWrongCodesPerDay (${maxWrongCodesPerDay}), got ${maxWrongCodesPerHour}`,
    });
  }
});

export const machineConfigSchema = section({
  machineNo: pattern(/^\d{8}$/, 'exactly 8 digits, as printed on the machine'),
  machineName: text(1, 60, 'a name for the screen and logs').default('Pickup Kiosk'),
  /** Shown to a customer whose item could not be confirmed, e.g. a phone number; empty shows a generic line. */
  supportContact: text(0, 80, 'a phone number or short text').default(''),
  cloud: section({
    baseUrl: cloudUrlSchema,
    notifyUrl: cloudUrlSchema,
    timeoutMs: intRange(1000, 60_000, 'milliseconds').default(8000),
    /** Concurrent requests while filling the code cache. */
    concurrency: intRange(1, 16, 'requests').default(12),
    /** The full refresh (one call per product) without the live link; the hot products are polled in between. */
    cacheRefreshSeconds: intRange(30, 86_400, 'seconds').default(1200),
    /** How often the background poller wakes: the hot products' codes, or the full refresh when it is due. */
    hotRefreshSeconds: intRange(15, 3600, 'seconds').default(60),
    /** The most recently redeemed or restocked-with-codes products polled at every wake-up; 0 turns that off. */
    hotProducts: intRange(0, 100, 'products').default(20),
    /** On a code-cache miss, refresh once first if the cache is older than this. */
    refreshOnMissAfterSeconds: intRange(0, 3600, 'seconds').default(30),
    /** Upload orders and stock after each redemption. */
    reporting: flag().default(true),
  }),
  serial: section({
    path: text(1, 200, 'a serial device such as /dev/pickup-board or COM3'),
    baud: oneOf([9600, 19200, 38400, 57600, 115200]).default(9600),
  }),
  boards: boardsSchema,
  /** The screen's language for every new customer. */
  language: customerLanguage.default('en'),
  /** The languages the customer may switch to on screen, in the switch's order; one language hides the switch. */
  languages: z
    .array(customerLanguage, { error: message('a list of languages, such as ["en", "zh-CN"]') })
    .min(1, { error: 'must list at least one language' })
    .default(['en', 'zh-CN'])
    .check((ctx) => {
      if (new Set(ctx.value).size !== ctx.value.length)
        ctx.issues.push({ code: 'custom', input: ctx.value, message: 'lists a language twice' });
    }),
  /** After a quiet spell (the idle timeout) on an empty entry, show the "how to collect" attract screen. */
  attractScreen: flag().default(true),
  /** Key clicks, outcome chimes and spoken prompts; the maintenance screen changes both, kept across restarts. */
  sound: section({
    volume: intRange(0, 100, 'percent').default(60),
    muted: flag().default(false),
  }).prefault({}),
  idleTimeoutSeconds: intRange(10, 600, 'seconds').default(60),
  offline: section({
    policy: oneOf(['deny', 'allow-cached']).default('deny'),
    maxCacheAgeSeconds: intRange(60, 86_400, 'seconds').default(900),
  }).prefault({}),
  throttle: throttleSchema.prefault({}),
  slots: section({
    /**
     * A slot that fails this many units in a row, for any reason, is taken out of service until an operator
     * unlocks it (a jam or a motor fault takes it out at the first failure). 0: only those faults do.
     */
    quarantineAfterFailures: intRange(0, 20, 'failures').default(3),
    /**
     * Units a code is still owed may come from another healthy slot holding the same good (the vendor's good
     * number) when the code's own slot cannot serve. Off by default: the vendor counts sales per slot binding.
     */
    owedFromOtherSlot: flag().default(false),
  }).prefault({}),
  retention: section({
    /** Finished, reported history (redemptions, units, audit) older than this is removed, once an hour. */
    days: intRange(7, 3650, 'days').default(90),
  }).prefault({}),
  maintenance: section({
    /** `scrypt$v2$…`, made by `kioskctl pin hash` from 6–12 digits. Null disables the maintenance screen. */
    pinHash: z
      .string({ error: 'must be the text printed by `kioskctl pin hash`, or null' })
      .check((ctx) => {
        // The message never repeats the value: a hash is still worth something to someone searching PINs.
        const problem = pinHashProblem(ctx.value);
        if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: problem });
      })
      .nullable()
      .default(null),
  }).prefault({}),
  liveLink: liveLinkSchema,
  /** The optional webhook that tells someone off the machine when it needs a person (core/alerts). */
  alerts: alertsSchema,
  secrets: section({
    /** Accept Linux's plaintext `basic_text` safeStorage backend. Off: the kiosk refuses to start. */
    allowWeakStore: flag().default(false),
  }).prefault({}),
  logLevel: oneOf(['debug', 'info', 'warn', 'error']).default('info'),
}).check((ctx) => {
  const { language, languages } = ctx.value;
  // An empty list has its own message already.
  if (languages.length > 0 && !languages.includes(language)) {
    ctx.issues.push({
      code: 'custom',
      input: languages,
      path: ['languages'],
      message: `must include the default language "${language}", got ${JSON.stringify(languages)}`,
    });
  }
});

export type MachineConfig = z.infer<typeof machineConfigSchema>;
export type BoardConfig = z.infer<typeof boardSchema>;
export type MachineConfigInput = z.input<typeof machineConfigSchema>;
