import { createHash } from 'node:crypto';

/** A field as it may be signed: numbers sign as their plain decimal text, so `2` and `"2"` sign alike. */
export type SignValue = string | number | null | undefined;
export type SignFields = Readonly<Record<string, SignValue>>;

export type SignResult = {
  /** The exact string that was hashed. It contains the AppKey: never log it, never show it. */
  readonly hashed: string;
  /** The same string with the AppKey replaced by `***`, safe for operators and logs. */
  readonly redacted: string;
  /** Uppercase hex MD5 of `hashed`. */
  readonly sign: string;
};

/** The vendor treats these as "no value": such keys are left out of the signature (the string "0" is kept). */
export const isEmptySignValue = (value: SignValue): value is '' | 'NULL' | null | undefined =>
  value === undefined || value === null || value === '' || value === 'NULL';

export const signText = (value: string | number): string =>
  typeof value === 'number' ? String(value) : value;

/** ASCII byte order, case-sensitive; comparing UTF-8 bytes keeps that true for any non-ASCII key too. */
const byteOrder = (a: string, b: string): number =>
  Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** `k1=v1&k2=v2…` over the non-empty fields, `sign` excluded, values raw (no URL-encoding). */
export const canonicalString = (fields: SignFields): string =>
  Object.keys(fields)
    .filter((key) => key !== 'sign')
    .sort(byteOrder)
    .flatMap((key) => {
      const value = fields[key];
      return isEmptySignValue(value) ? [] : [`${key}=${signText(value)}`];
    })
    .join('&');

export const md5Hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** The vendor's signature (vendor-api.md §2). */
export const computeSign = (fields: SignFields, appKey: string): SignResult => {
  const base = canonicalString(fields);
  const prefix = base === '' ? '' : `${base}&`;
  const hashed = `${prefix}key=${appKey}`;
  return { hashed, redacted: `${prefix}key=***`, sign: md5Hex(hashed).toUpperCase() };
};
