import { MAX_CODE_LENGTH, MIN_CODE_LENGTH } from './flow-state';

export type ScanReading = { readonly kind: 'code'; readonly code: string } | { readonly kind: 'unreadable' };

const isCode = (text: string): boolean =>
  text.length >= MIN_CODE_LENGTH && text.length <= MAX_CODE_LENGTH && /^[0-9A-Za-z]+$/.test(text);

/** The `code` parameter of a link such as `https://shop.example/p?code=93881067`, if the scan is one. */
const fromUrl = (text: string): ScanReading | null => {
  if (!/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'unreadable' };
  }
  const code = url.searchParams.get('code')?.trim() ?? '';
  return isCode(code) ? { kind: 'code', code } : { kind: 'unreadable' };
};

/**
 * What a scanner's burst holds. A link gives its `code` parameter; anything else must contain exactly one run of
 * 6–10 digits (a prefix such as `PICKUP:` or a trailing CR/LF is fine), or exactly one 6–10 character run of
 * letters and digits. Two candidates, a 13-digit EAN or nothing code-like is unreadable: guessing could submit a
 * product barcode as a wrong code and spend the customer's tries.
 */
export const parseScan = (raw: string): ScanReading => {
  const text = raw.replace(/[\r\n]+/g, '').trim();
  const url = fromUrl(text);
  if (url) return url;
  const digitRuns = text.match(/\d+/g) ?? [];
  const digitCodes = digitRuns.filter(isCode);
  if (digitCodes.length === 1 && digitRuns.every((r) => r.length < MIN_CODE_LENGTH || isCode(r)))
    return { kind: 'code', code: digitCodes.join('') };
  const runs = text.match(/[0-9A-Za-z]+/g) ?? [];
  // One run: joining it is the run itself, without an index the compiler cannot see is there.
  const only = runs.length === 1 ? runs.join('') : '';
  if (isCode(only)) return { kind: 'code', code: only };
  return { kind: 'unreadable' };
};
