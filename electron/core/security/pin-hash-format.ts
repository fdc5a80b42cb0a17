import { err, ok, type Result } from '../../contract/result';

/**
 * The text form of a maintenance PIN hash: `scrypt$v2$<log2 N>$<r>$<p>$<digits>$<salt hex>$<hash hex>`.
 * The cost travels with the hash so it can be raised later without breaking machines, and a configuration can
 * never lower it below the floor here. `<digits>` is the shortest PIN the tool that made the hash accepted
 * (a class, not the PIN's own length, which would tell a searcher where to start): the hash alone cannot show
 * how long the PIN was, so this is how the configuration check refuses hashes from tools that allowed less.
 */
export type PinHashParts = {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
  readonly minDigits: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
};

export const MIN_PIN_DIGITS = 6;
export const MAX_PIN_DIGITS = 12;
export const PIN_COST_BOUNDS = {
  log2N: [16, 18],
  r: [8, 16],
  p: [1, 4],
  maxMemoryBytes: 256 * 2 ** 20,
} as const;

/** scrypt's working memory for one hash: 128 · r · N bytes. */
export const scryptMemoryBytes = (log2N: number, r: number): number => 128 * r * 2 ** log2N;

const V2 = /^scrypt\$v2\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([0-9a-f]{32})\$([0-9a-f]{64})$/;
const FIRST_FORMAT = /^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/;
const remake = `make a new one with \`kioskctl pin hash\` (${MIN_PIN_DIGITS}–${MAX_PIN_DIGITS} digits)`;

const within = (value: number, [min, max]: readonly [number, number]): boolean =>
  value >= min && value <= max;

export const parsePinHash = (text: string): Result<PinHashParts, string> => {
  if (FIRST_FORMAT.test(text))
    return err(
      `is in the format of an earlier version, which allowed 4-digit PINs at a quarter of today's cost, ` +
        `and is no longer accepted: ${remake}`,
    );
  const m = V2.exec(text);
  if (!m) return err('must be the text printed by `kioskctl pin hash` (scrypt$v2$…), or null');
  const [log2N, r, p, minDigits] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  const b = PIN_COST_BOUNDS;
  if (
    !within(log2N, b.log2N) ||
    !within(r, b.r) ||
    !within(p, b.p) ||
    scryptMemoryBytes(log2N, r) > b.maxMemoryBytes
  )
    return err(
      `records a scrypt cost this version does not accept (N 2^${b.log2N[0]}–2^${b.log2N[1]}, r ${b.r[0]}–${b.r[1]}, ` +
        `p ${b.p[0]}–${b.p[1]}, at most ${b.maxMemoryBytes / 2 ** 20} MiB): ${remake}`,
    );
  if (!within(minDigits, [MIN_PIN_DIGITS, MAX_PIN_DIGITS]))
    return err(`was made by a tool that accepted PINs shorter than ${MIN_PIN_DIGITS} digits: ${remake}`);
  return ok({
    log2N,
    r,
    p,
    minDigits,
    salt: Buffer.from(m[5] ?? '', 'hex'),
    hash: Buffer.from(m[6] ?? '', 'hex'),
  });
};

/** The installer-facing problem with a `maintenance.pinHash` value, or null when it is usable. */
export const pinHashProblem = (text: string): string | null => {
  const parsed = parsePinHash(text);
  return parsed.ok ? null : parsed.error;
};

export const formatPinHash = (parts: PinHashParts): string =>
  [
    'scrypt',
    'v2',
    parts.log2N,
    parts.r,
    parts.p,
    parts.minDigits,
    parts.salt.toString('hex'),
    parts.hash.toString('hex'),
  ].join('$');
