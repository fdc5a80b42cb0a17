import type { LogFields, Logger, LogLevel } from '../core/ports/logger';
import { createRedactor, redactValue, type LogValue, type Redactor } from './log-redaction';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type JsonLoggerOptions = {
  /** A function when the level is only known later (the app reads it from the machine configuration). */
  readonly level: LogLevel | (() => LogLevel);
  readonly write: (line: string) => void;
  readonly now?: () => number;
  /**
   * Strings that must never reach a log line (the credentials). Callers already keep them out; this is the
   * last line of defence should a vendor message ever echo one back. The rule is in log-redaction.ts.
   */
  readonly secrets?: readonly string[] | (() => readonly string[]);
};

/** The line's own keys: a field of the same name is renamed, so a caller can never fake a level or a time. */
const RESERVED_KEYS = ['t', 'level', 'event'] as const;

/** `field.<key>`, then `field.<key>.2` and so on: a colliding field is renamed, never dropped. */
const freeName = (taken: ReadonlySet<string>, key: string): string => {
  if (!taken.has(key)) return key;
  let name = `field.${key}`;
  for (let n = 2; taken.has(name); n += 1) name = `field.${key}.${n}`;
  return name;
};

/**
 * Built from pairs rather than an object so that a field called `__proto__` is an ordinary key. An undefined
 * field is left out, as JSON.stringify would: it means "not known", not a value.
 */
const formatLine = (head: readonly [string, LogValue][], fields: LogFields, redact: Redactor): string => {
  const taken = new Set<string>(RESERVED_KEYS);
  const pairs = [...head];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const name = freeName(taken, redact(key));
    taken.add(name);
    pairs.push([name, redactValue(value, redact)]);
  }
  return `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
};

/** One JSON object per line: easy to grep on a machine, easy to ship to a log collector. */
export const createJsonLogger = (options: JsonLoggerOptions): Logger => {
  const secrets = (): readonly string[] =>
    typeof options.secrets === 'function' ? options.secrets() : (options.secrets ?? []);
  const now = options.now ?? Date.now;
  const threshold = (): LogLevel => (typeof options.level === 'function' ? options.level() : options.level);
  const log =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}): void => {
      if (rank[level] < rank[threshold()]) return;
      // Built per line: the credentials arrive after the logger exists and can change.
      const redact = createRedactor(secrets());
      const head: [string, LogValue][] = [
        ['t', new Date(now()).toISOString()],
        ['level', level],
        ['event', redact(event)],
      ];
      options.write(formatLine(head, fields, redact));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
};
