import { z } from 'zod';
import { cloudUrlProblem } from '../protocol/cloud-url';

/**
 * Field builders for the machine configuration. Each one carries its own installer-facing message,
 * written as "must be <what is allowed>, got <what was there>", so the formatter only adds the field path.
 * Parse with `{ reportInput: true }` so the messages can show the offending value.
 */

type Issue = { readonly code?: string; readonly input?: unknown };

/** A short, safe rendering of what the installer wrote; long strings are cut so a pasted blob stays readable. */
export const showValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'an object';
};

export const message =
  (allowed: string) =>
  (iss: Issue): string =>
    iss.input === undefined ? `is required (${allowed})` : `must be ${allowed}, got ${showValue(iss.input)}`;

/** A whole number within [min, max]; the unit names what the number counts. */
export const intRange = (min: number, max: number, unit?: string) => {
  const allowed = `a whole number ${min}–${max}${unit ? ` (${unit})` : ''}`;
  const error = message(allowed);
  const rangeError = (iss: Issue): string =>
    `must be ${min}–${max}${unit ? ` ${unit}` : ''}, got ${showValue(iss.input)}`;
  return z.number({ error }).int({ error }).min(min, { error: rangeError }).max(max, { error: rangeError });
};

/** One of a fixed list of values (strings or numbers). */
export const oneOf = <const T extends readonly [string | number, ...(string | number)[]]>(values: T) =>
  z.literal(values, { error: message(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`) });

export const flag = () => z.boolean({ error: message('true or false (without quotes)') });

/** Free text with a length limit. */
export const text = (min: number, max: number, what = 'text') =>
  z
    .string({ error: message(`${what}, ${min}–${max} characters`) })
    .min(min, { error: message(`${what}, ${min}–${max} characters`) })
    .max(max, { error: message(`${what}, ${min}–${max} characters`) });

/** Text that must match a pattern; `allowed` describes the pattern in words. */
export const pattern = (regex: RegExp, allowed: string) =>
  z.string({ error: message(allowed) }).regex(regex, { error: message(allowed) });

/**
 * A strict object: unknown keys are errors, because a misspelt setting would otherwise be ignored and
 * its default used on a real machine. The message names the allowed keys and the likely intended one.
 */
export const section = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.strictObject(shape, {
    error: (iss) => {
      if (iss.code !== 'unrecognized_keys') return message('an object { ... }')(iss);
      const allowed = Object.keys(shape);
      const keys = iss.keys.map((key) => {
        const near = closest(key, allowed);
        return near ? `"${key}" (did you mean "${near}"?)` : `"${key}"`;
      });
      return `unknown setting ${keys.join(', ')}; allowed here: ${allowed.join(', ')}`;
    },
  });

/** The allowed key nearest to a typo, if it is close enough to be a plausible slip of the finger. */
export const closest = (key: string, allowed: readonly string[]): string | undefined => {
  let best: { name: string; distance: number } | undefined;
  for (const name of allowed) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
};

const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};

/** A URL the kiosk sends to: https, plain http only to this machine (see protocol/cloud-url.ts). */
export const outboundUrl = (base: z.ZodString) =>
  base.check((ctx) => {
    const problem = cloudUrlProblem(ctx.value);
    if (problem)
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `must be ${problem}, got ${showValue(ctx.value)}`,
      });
  });
