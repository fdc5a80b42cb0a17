/**
 * Removing secrets from log values before a line is serialised. Doing it before JSON.stringify matters: after
 * it, a secret holding `"`, `\` or a control character is spelt differently in the line and would slip past.
 *
 * The rule, by the secret's length:
 * - 4 characters or more: every occurrence inside a value is replaced, whatever surrounds it;
 * - 1 to 3 characters: a value is replaced only when it is exactly the secret. Replacing every occurrence of
 *   a two-letter secret would shred ordinary words and numbers in every line (and a secret that short can be
 *   guessed anyway), so only the case where the value plainly is the secret is caught.
 * Each secret is also looked for in the spellings it takes when a value carries text that was itself encoded:
 * JSON-escaped (a vendor body logged as a string), JSON with non-ASCII as \u escapes, and URL-encoded.
 */

/** What a scrubbed part becomes: fixed, so a reader sees that something was removed but never what. */
export const REDACTED = '[redacted]';

/** Secrets at least this long are removed wherever they occur; shorter ones only as a whole value. */
export const SUBSTRING_MIN_LENGTH = 4;

const jsonEscaped = (text: string): string => JSON.stringify(text).slice(1, -1);

const asciiJsonEscaped = (text: string): string =>
  jsonEscaped(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** encodeURIComponent refuses a lone surrogate; such a secret simply has no URL spelling. */
const urlEncoded = (text: string): string | undefined => {
  try {
    return encodeURIComponent(text);
  } catch {
    return undefined;
  }
};

/** Every spelling of one secret that the redactor removes. */
export const secretSpellings = (secret: string): string[] => [
  ...new Set(
    [secret, jsonEscaped(secret), asciiJsonEscaped(secret), urlEncoded(secret)].filter(
      (s): s is string => s !== undefined && s !== '',
    ),
  ),
];

/** Leftmost, then longest, match first, in one pass, so a marker already written is never looked at again. */
const replaceAll = (text: string, spellings: readonly string[]): string => {
  let out = '';
  let from = 0;
  for (;;) {
    let at = -1;
    let length = 0;
    for (const s of spellings) {
      const found = text.indexOf(s, from);
      if (found !== -1 && (at === -1 || found < at || (found === at && s.length > length))) {
        at = found;
        length = s.length;
      }
    }
    if (at === -1) return out + text.slice(from);
    out += text.slice(from, at) + REDACTED;
    from = at + length;
  }
};

export type Redactor = (text: string) => string;

export const createRedactor = (secrets: readonly string[]): Redactor => {
  const inside: string[] = [];
  const whole = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    for (const spelling of secretSpellings(secret)) {
      if (secret.length >= SUBSTRING_MIN_LENGTH) inside.push(spelling);
      else whole.add(spelling);
    }
  }
  return (text) => {
    if (whole.has(text)) return REDACTED;
    return inside.length === 0 ? text : replaceAll(text, inside);
  };
};

export type LogValue = string | number | boolean | null;

/**
 * A number or boolean is checked as the text it becomes in the line; if any of it is a secret, the whole value
 * turns into the marker (half a number would only mislead).
 */
export const redactValue = (value: LogValue, redact: Redactor): LogValue => {
  if (value === null) return null;
  if (typeof value === 'string') return redact(value);
  const text = String(value);
  return redact(text) === text ? value : REDACTED;
};
