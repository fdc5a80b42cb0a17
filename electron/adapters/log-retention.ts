/**
 * Which log files exist and which go: pure, so the bounds can be tested with any sizes. Files are named per
 * UTC day, `kiosk-2026-01-02.log`, then `kiosk-2026-01-02.1.log`, `.2.log` … once a day's file is full: the
 * newest part has the highest number (`ls -v` sorts them). Nothing is ever renamed, so a crash during
 * rotation cannot lose or mix up a file.
 */

export type LogLimits = {
  /** A file is closed and the next part started before a line would take it over this size. */
  readonly maxFileBytes: number;
  /** All log files together, the one being written included, stay under this; the oldest go first. */
  readonly maxTotalBytes: number;
  /** Only files of the newest this many days (with any log) are kept. */
  readonly keepDays: number;
};

export const DEFAULT_LOG_LIMITS: LogLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  keepDays: 14,
};

export type LogFileName = { readonly name: string; readonly day: string; readonly part: number };

const NAME = /^kiosk-(\d{4}-\d{2}-\d{2})(?:\.([1-9]\d{0,5}))?\.log$/;

/** Only names the kiosk writes; any other file in the folder is never touched. */
export const parseLogFileName = (name: string): LogFileName | undefined => {
  const match = NAME.exec(name);
  if (!match) return undefined;
  return { name, day: match[1] ?? '', part: match[2] === undefined ? 0 : Number(match[2]) };
};

export const logFileName = (day: string, part: number): string =>
  part === 0 ? `kiosk-${day}.log` : `kiosk-${day}.${part}.log`;

const byAge = (a: LogFileName, b: LogFileName): number =>
  a.day === b.day ? a.part - b.part : a.day < b.day ? -1 : 1;

export type ExistingLogFile = { readonly name: string; readonly size: number };

/** The file to append to on `day`: its newest part while that has room, else the next part. */
export const fileForDay = (day: string, existing: readonly ExistingLogFile[], maxFileBytes: number) => {
  const parts = existing
    .map((f) => ({ parsed: parseLogFileName(f.name), size: f.size }))
    .filter((f): f is { parsed: LogFileName; size: number } => f.parsed?.day === day)
    .sort((a, b) => byAge(a.parsed, b.parsed));
  const newest = parts.at(-1);
  if (newest === undefined) return { name: logFileName(day, 0), part: 0 };
  if (newest.size < maxFileBytes) return { name: newest.parsed.name, part: newest.parsed.part };
  return { name: logFileName(day, newest.parsed.part + 1), part: newest.parsed.part + 1 };
};

/**
 * What to delete so that, with `current` growing to its full size, the folder stays within the limits:
 * days beyond `keepDays` first, then the oldest files until the others fit beside a full current file.
 */
export const filesToDelete = (
  existing: readonly ExistingLogFile[],
  current: string,
  limits: LogLimits,
): string[] => {
  const files = existing
    .map((f) => ({ parsed: parseLogFileName(f.name), size: f.size }))
    .filter((f): f is { parsed: LogFileName; size: number } => f.parsed !== undefined)
    .filter((f) => f.parsed.name !== current)
    .sort((a, b) => byAge(a.parsed, b.parsed));
  const currentDay = parseLogFileName(current)?.day;
  const days = [...new Set([...files.map((f) => f.parsed.day), ...(currentDay ? [currentDay] : [])])].sort();
  const keptDays = new Set(days.slice(-limits.keepDays));
  const doomed = files.filter((f) => !keptDays.has(f.parsed.day));
  const left = files.filter((f) => keptDays.has(f.parsed.day));
  let total = left.reduce((sum, f) => sum + f.size, 0);
  const room = limits.maxTotalBytes - limits.maxFileBytes;
  while (total > room && left.length > 0) {
    const oldest = left.shift();
    if (oldest === undefined) break;
    doomed.push(oldest);
    total -= oldest.size;
  }
  return doomed.map((f) => f.parsed.name);
};
