import { randomInt } from 'node:crypto';
import type { Result } from '../../contract/result';
import { createVendorCloud } from '../../core/cloud/create-vendor-cloud';
import { createTradeId } from '../../core/cloud/trade-id';
import { createVendorAdmin } from '../../core/cloud/vendor-admin';
import type { VendorCloudOptions } from '../../core/cloud/options';
import type { CloudError } from '../../core/ports/vendor-cloud';
import { parseVendorTime } from '../../core/protocol/vendor-time';
import { intValue, parseArgs, requireValue, UsageError, type ParsedArgs } from '../args';
import type { CliIo, CommandGroup } from '../command';
import { systemClock } from '../../adapters/system-clock';
import { cloudOptionsFrom, commonCloudValues } from './cloud-setup';

const common = '--base-url URL --machine-no NO';

/** Each sub-command: its extra flags and what it does with a client. */
type Sub = {
  readonly usage: string;
  readonly values?: readonly string[];
  run(
    options: VendorCloudOptions,
    parsed: ParsedArgs,
  ): Promise<{ result: Result<unknown, CloudError>; hint?: string }>;
};

const random = (): number => randomInt(0, 2 ** 31) / 2 ** 31;

const subs: Readonly<Record<string, Sub>> = {
  ping: {
    usage: 'ping',
    async run(options) {
      const cloud = createVendorCloud(options);
      const result = await cloud.ping();
      return {
        result: result.ok ? { ok: true, value: { pong: true, clockSkewMs: cloud.clockSkewMs() } } : result,
      };
    },
  },
  machine: { usage: 'machine', run: async (o) => ({ result: await createVendorCloud(o).machine() }) },
  products: { usage: 'products', run: async (o) => ({ result: await createVendorCloud(o).listProducts() }) },
  codes: {
    usage: 'codes --product-id N',
    values: ['product-id'],
    run: async (o, p) => ({ result: await createVendorCloud(o).listCodes(intValue(p, 'product-id')) }),
  },
  consume: {
    usage: 'consume --product-id N --code C [--trade-id T] [--notify-url URL]',
    values: ['product-id', 'code', 'trade-id'],
    async run(o, p) {
      // A new trade id unless given: after a timeout, run again with the printed one and it cannot redeem twice.
      const tradeId = p.values.get('trade-id') ?? createTradeId(systemClock, random);
      const req = { productId: intValue(p, 'product-id'), code: requireValue(p, 'code'), tradeId };
      const result = await createVendorCloud(o).consume(req);
      const unsure = !result.ok && ['network', 'timeout', 'http', 'malformed'].includes(result.error.code);
      return {
        result,
        ...(unsure ? { hint: `it may have gone through: retry with --trade-id ${tradeId}` } : {}),
      };
    },
  },
  order: {
    usage: 'order --order-id N',
    values: ['order-id'],
    run: async (o, p) => ({ result: await createVendorCloud(o).orderDetail(intValue(p, 'order-id')) }),
  },
  cancel: {
    usage: 'cancel --id N',
    values: ['id'],
    async run(o, p) {
      const id = intValue(p, 'id');
      const result = await createVendorAdmin(o).cancelCode(id);
      return { result: result.ok ? { ok: true, value: { cancelled: id } } : result };
    },
  },
  create: {
    usage:
      "create --product-id N --count N [--code-length 6-10] [--expires-at 'YYYY-MM-DD HH:MM:SS' (UTC+8)]",
    values: ['product-id', 'count', 'code-length', 'expires-at'],
    async run(o, p) {
      const text = p.values.get('expires-at');
      const expiresAt = text === undefined ? null : parseVendorTime(text);
      if (text !== undefined && expiresAt === null)
        throw new UsageError(`--expires-at "${text}" is not 'YYYY-MM-DD HH:MM:SS'`);
      const req = {
        productId: intValue(p, 'product-id'),
        count: intValue(p, 'count'),
        codeLength: intValue(p, 'code-length', 6),
        expiresAt,
      };
      const result = await createVendorAdmin(o).createCodes(req);
      return {
        result: result.ok ? { ok: true, value: { requested: req.count, productId: req.productId } } : result,
        hint: 'the vendor does not return new codes: list them with `kioskctl cloud codes`',
      };
    },
  },
};

/** One stderr line: the vendor's code and message first, since that is what support asks for. */
export const failureLine = (sub: string, error: CloudError, hint?: string): string => {
  const vendor =
    error.vendorCode === null
      ? 'no vendor code'
      : `vendor code ${error.vendorCode}: ${error.vendorMessage ?? ''}`;
  const line = `kioskctl cloud ${sub}: ${vendor} [${error.code}] ${error.detail}${hint ? ` (${hint})` : ''}`;
  return line.replace(/[\r\n]+/g, ' ');
};

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const [name, ...rest] = args;
  const sub = name === undefined ? undefined : subs[name];
  if (name === undefined || sub === undefined) {
    throw new UsageError(name === undefined ? 'missing sub-command' : `unknown sub-command "${name}"`);
  }
  const parsed = parseArgs(rest, {
    values: [...commonCloudValues, ...(sub.values ?? [])],
    flags: ['verbose'],
  });
  if (parsed.positionals.length > 0)
    throw new UsageError(`unexpected argument "${parsed.positionals[0] ?? ''}"`);
  const options = cloudOptionsFrom(parsed, io);
  let outcome: Awaited<ReturnType<Sub['run']>>;
  try {
    outcome = await sub.run(options, parsed);
  } catch (e) {
    // Construction refuses bad settings (a non-https URL) by throwing: that is the operator's input.
    if (e instanceof UsageError || !(e instanceof Error)) throw e;
    throw new UsageError(e.message);
  }
  if (!outcome.result.ok) {
    io.err(failureLine(name, outcome.result.error, outcome.hint));
    return 1;
  }
  io.out(JSON.stringify(outcome.result.value, null, 2));
  return 0;
};

export const cloudCommand: CommandGroup = {
  name: 'cloud',
  summary: 'talk to the vendor cloud (credentials from KIOSK_APPID/KIOSK_APPSECRET/KIOSK_APPKEY)',
  usage: `cloud ping|machine|products|codes|consume|order|cancel|create ${common} ...`,
  run,
};

/** The full usage of every sub-command, for the README and `--help`-style errors. */
export const cloudUsage = (): string[] =>
  Object.values(subs).map((s) => `kioskctl cloud ${s.usage} ${common}`);
