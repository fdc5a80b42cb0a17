export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured log fields. Never put a credential, a signature or a full pickup code in them. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Shows only the last two characters of a pickup code, enough to match a support call, not to redeem. */
export const maskCode = (code: string): string =>
  code.length <= 2 ? '**' : `${'*'.repeat(code.length - 2)}${code.slice(-2)}`;

/** For callers whose output is elsewhere (a replay, a one-shot command): every line goes nowhere. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
