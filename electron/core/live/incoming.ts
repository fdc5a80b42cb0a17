import { z } from 'zod';
import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import type { LiveFields } from './live-message';

export type LiveLanguage = 'en' | 'zh-CN';
/** The board's dispense types (board-protocol.md): 1 spring, 2 lock, 3 conveyor, 4 timed motor. */
export type LiveFloorType = 1 | 2 | 3 | 4;

export type LiveSettings = {
  idleTimeoutSeconds?: number;
  language?: LiveLanguage;
  /** The languages the customer may switch between (`languages`), in the dashboard's order. */
  languages?: LiveLanguage[];
  /** `standby_ads_enabled`: whether a quiet kiosk shows its attract screen. */
  attract?: boolean;
};

export type LiveCommand =
  | {
      kind: 'code-created';
      codeId: number;
      productId: number;
      code: string;
      quantity: number;
      /** Epoch ms; null: the code does not expire. The kiosk expires codes itself, no later push says so. */
      expiresAt: number | null;
    }
  | { kind: 'code-deleted'; codeId: number }
  /** `ignored`: keys this kiosk has no setting for; `refused`: keys it has, with a value it will not apply. */
  | { kind: 'config-push'; settings: LiveSettings; ignored: string[]; refused: string[] }
  | {
      kind: 'test-dispense';
      addr: number;
      /** The board's slot number 0–99, `code % 100` of the cloud's channel code. */
      slot: number;
      /** Absent (or the board's "0", auto-detect, which the board docs advise against): the slot's own setting. */
      floorType?: LiveFloorType;
      lift: boolean;
      dropCheck: boolean;
      orderType: string;
    }
  | { kind: 'fault-clear'; productIds: number[] }
  | { kind: 'refresh' }
  | { kind: 'power'; action: 'reboot' | 'shutdown' }
  | { kind: 'unsupported'; method: string };

/** `problem` names the field and what was expected; it never repeats a value (a pickup code is a secret). */
export type LiveCommandProblem = { method: string; problem: string };

type Issue = { readonly input?: unknown };
const need =
  (allowed: string) =>
  (iss: Issue): string =>
    iss.input === undefined ? 'is missing' : `must be ${allowed}`;

/** Plain decimal digits only: no sign, no spaces, no exponent; 15 digits keep every value a safe integer. */
const digits = /^\d{1,15}$/;
const whole = (min: number, max: number, allowed = `a whole number ${min}–${max}`) =>
  z
    .string({ error: need(allowed) })
    .regex(digits, { error: need(allowed) })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `must be ${allowed}` });
const recordId = whole(1, Number.MAX_SAFE_INTEGER, 'a record id of plain digits');
const flag = z
  .enum(['0', '1'], { error: need('"0" or "1"') })
  .transform((v) => v === '1')
  .optional();

const codeCreated = z.object({
  id: recordId,
  product_id: recordId,
  code: z.string({ error: need('6–10 digits') }).regex(/^\d{6,10}$/, { error: need('6–10 digits') }),
  // The Open API gives 1 as the default, so an omitted quantity is one item, the least the code could mean.
  quantity: whole(1, 3).optional(),
  // "0" as well as an omitted field means "never": the vendor's protobuf-derived zero value.
  expired_at: whole(0, Number.MAX_SAFE_INTEGER, 'epoch milliseconds').optional(),
});

const floorTypes = { '1': 1, '2': 2, '3': 3, '4': 4 } as const satisfies Record<string, LiveFloorType>;
const testDispense = z.object({
  addr: whole(1, 8, 'a board address 1–8'),
  code: whole(0, Number.MAX_SAFE_INTEGER, 'a channel code of plain digits'),
  floor_type: z
    .enum(['0', '1', '2', '3', '4'], { error: need('a slot type 0–4') })
    .transform((type) => (type === '0' ? undefined : floorTypes[type]))
    .optional(),
  is_lp: flag,
  is_dc: flag,
  // "test" is the only documented value; the method itself says it is a test, so an omitted one reads as that.
  order_type: z
    .string({ error: need('a short word') })
    .regex(/^[A-Za-z0-9_.-]{1,32}$/, { error: need('a short word') })
    .default('test'),
});

const faultClear = z.object({
  product_ids: z
    .string({ error: need('comma-separated product ids') })
    .regex(/^\d{1,15}(?: *, *\d{1,15})*$/, { error: need('comma-separated product ids') })
    .transform((list) => [...new Set(list.split(',').map((id) => Number(id.trim())))])
    .refine((ids) => ids.every((id) => id > 0), { error: 'must be comma-separated product ids' }),
  // Documented as always "1" (healthy): anything else would be asking for something this command cannot mean.
  floor_status: z.literal('1', { error: need('"1"') }).optional(),
});

const languages: Readonly<Record<string, LiveLanguage>> = {
  en: 'en',
  en_us: 'en',
  'en-us': 'en',
  zh: 'zh-CN',
  cn: 'zh-CN',
  zh_cn: 'zh-CN',
  'zh-cn': 'zh-CN',
};
const idleTimeout = whole(30, 180);

/**
 * `languages` is listed for later firmware without a documented format: a comma-separated list ("en,zh_CN") or a
 * JSON array of the same tags is read; one unknown tag refuses the whole value rather than applying part of it.
 */
const languageList = (value: string): LiveLanguage[] | null => {
  let items: unknown = value.split(',');
  if (value.trim().startsWith('[')) {
    try {
      items = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(items)) return null;
  const list: LiveLanguage[] = [];
  for (const item of items) {
    const language = typeof item === 'string' ? languages[item.trim().toLowerCase()] : undefined;
    if (language === undefined) return null;
    if (!list.includes(language)) list.push(language);
  }
  return list.length > 0 ? list : null;
};

const onOff: Readonly<Record<string, boolean>> = { '1': true, '0': false, true: true, false: false };
/** Keys every message carries (vendor-mqtt.md): not settings, so neither applied nor listed as ignored. */
const commonKeys = new Set(['timestamp', 'machine_id', 'method', 'client_id', 'status', 'sign']);

const configPush = (fields: Readonly<Record<string, string>>): LiveCommand => {
  const settings: LiveSettings = {};
  const ignored: string[] = [];
  const refused: string[] = [];
  for (const key of Object.keys(fields).sort()) {
    const value = fields[key] ?? '';
    if (commonKeys.has(key)) continue;
    if (key === 'idle_timeout') {
      const parsed = idleTimeout.safeParse(value);
      if (parsed.success) settings.idleTimeoutSeconds = parsed.data;
      else refused.push(key);
    } else if (key === 'language') {
      const language = languages[value.trim().toLowerCase()];
      if (language) settings.language = language;
      else refused.push(key);
    } else if (key === 'languages') {
      const list = languageList(value);
      if (list) settings.languages = list;
      else refused.push(key);
    } else if (key === 'standby_ads_enabled') {
      const enabled = onOff[value.trim().toLowerCase()];
      if (enabled === undefined) refused.push(key);
      else settings.attract = enabled;
    } else ignored.push(key);
  }
  return { kind: 'config-push', settings, ignored, refused };
};

const parseWith = <S extends z.ZodType>(
  method: string,
  schema: S,
  fields: Readonly<Record<string, string>>,
  build: (data: z.output<S>) => LiveCommand,
): Result<LiveCommand, LiveCommandProblem> => {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return ok(build(parsed.data));
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  return err({ method, problem: `${field || 'message'} ${issue?.message ?? 'is invalid'}` });
};

/**
 * Reads an opened, guarded message as a command. A known method with a bad field is an error; a method the kiosk
 * does not act on (ads, power schedules, passwords, factory reset, anything new) is `unsupported`, not an error.
 */
export const parseLiveCommand = (fields: LiveFields): Result<LiveCommand, LiveCommandProblem> => {
  // The signature leaves empty values out, so an empty field carries nothing: read it as omitted.
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
  const method = present.method ?? '';
  switch (method) {
    case '':
      return err({ method, problem: 'method is missing' });
    case 'client.pickup_codes.create':
      return parseWith(method, codeCreated, present, (c) => ({
        kind: 'code-created',
        codeId: c.id,
        productId: c.product_id,
        code: c.code,
        quantity: c.quantity ?? 1,
        expiresAt: c.expired_at === undefined || c.expired_at === 0 ? null : c.expired_at,
      }));
    case 'client.pickup_codes.delete':
      return parseWith(method, z.object({ id: recordId }), present, (c) => ({
        kind: 'code-deleted',
        codeId: c.id,
      }));
    case 'client.machine.config.push':
      return ok(configPush(present));
    case 'client.channel.debugging':
      return parseWith(method, testDispense, present, (c) => ({
        kind: 'test-dispense',
        addr: c.addr,
        slot: c.code % 100,
        ...(c.floor_type === undefined ? {} : { floorType: c.floor_type }),
        lift: c.is_lp ?? false,
        dropCheck: c.is_dc ?? false,
        orderType: c.order_type,
      }));
    case 'client.channel.fault.clear':
      return parseWith(method, faultClear, present, (c) => ({
        kind: 'fault-clear',
        productIds: c.product_ids,
      }));
    case 'client.machine.refresh':
    case 'client.machine.invalidate':
      return ok({ kind: 'refresh' });
    case 'client.machine.reboot':
      return ok({ kind: 'power', action: 'reboot' });
    case 'client.machine.shutdown':
      return ok({ kind: 'power', action: 'shutdown' });
    default:
      return ok({ kind: 'unsupported', method });
  }
};
