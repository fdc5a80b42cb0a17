import type { LogFields, Logger, LogLevel } from '../core/ports/logger';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type JsonLoggerOptions = {
  /** A function when the level is only known later (the app reads it from the machine configuration). */
  readonly level: LogLevel | (() => LogLevel);
  readonly write: (line: string) => void;
  readonly now?: () => number;
  /**
   * Strings that must never reach a log line (the credentials). Callers already keep them out; this is the
   * last line of defence should a vendor message ever echo one back.
   */
  readonly secrets?: readonly string[] | (() => readonly string[]);
};

/** One JSON object per line: easy to grep on a machine, easy to ship to a log collector. */
export const createJsonLogger = (options: JsonLoggerOptions): Logger => {
  const secrets = (): readonly string[] => {
    const list = typeof options.secrets === 'function' ? options.secrets() : (options.secrets ?? []);
    return list.filter((s) => s.length >= 4);
  };
  const now = options.now ?? Date.now;
  const scrub = (text: string): string => secrets().reduce((t, s) => t.split(s).join('***'), text);
  const threshold = (): LogLevel => (typeof options.level === 'function' ? options.level() : options.level);
  const log =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}): void => {
      if (rank[level] < rank[threshold()]) return;
      options.write(scrub(JSON.stringify({ t: new Date(now()).toISOString(), level, event, ...fields })));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
};
