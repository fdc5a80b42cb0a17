import {
  chmodSync,
  closeSync,
  fchmodSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_LOG_LIMITS,
  fileForDay,
  filesToDelete,
  logFileName,
  parseLogFileName,
  type ExistingLogFile,
  type LogLimits,
} from './log-retention';

export type RotatingLogFile = {
  /** Appends one line (a newline is added) with a synchronous write, so it is on disk if the process dies next. */
  write(line: string): void;
  close(): void;
};

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Log lines name machines, slots and what went wrong: nobody but the kiosk's user needs to read them. Modes are
 * only corrected on what this user owns (chmod on anything else fails anyway), and not on Windows, where the
 * user profile's ACLs do that job and POSIX modes mean little.
 */
const ownedByMe = (uid: number): boolean => process.getuid !== undefined && process.getuid() === uid;

const tighten = (path: string, mode: number): void => {
  const stat = statSync(path);
  if (ownedByMe(stat.uid) && (stat.mode & 0o777) !== mode) chmodSync(path, mode);
};

const existingFiles = (dir: string): ExistingLogFile[] =>
  readdirSync(dir)
    .filter((name) => parseLogFileName(name) !== undefined)
    .flatMap((name) => {
      const stat = statSync(join(dir, name), { throwIfNoEntry: false });
      return stat?.isFile() ? [{ name, size: stat.size }] : [];
    });

type Open = { fd: number; day: string; part: number; size: number };

/**
 * The kiosk's log folder: one file per UTC day, split into parts of at most `maxFileBytes`, the whole folder
 * bounded by `maxTotalBytes` and `keepDays` (log-retention.ts). One handle stays open per file; the size is
 * counted in memory instead of asked of the disk for every line.
 */
export const openRotatingLogFile = (
  dir: string,
  limits: LogLimits = DEFAULT_LOG_LIMITS,
  now: () => Date = () => new Date(),
): RotatingLogFile => {
  if (limits.maxFileBytes <= 0 || limits.maxTotalBytes < limits.maxFileBytes || limits.keepDays < 1)
    throw new Error('log limits: need 0 < maxFileBytes <= maxTotalBytes and keepDays >= 1');
  mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
  tighten(dir, FOLDER_MODE);
  let current: Open | undefined;

  const openFile = (day: string, part: number): Open => {
    const name = logFileName(day, part);
    const fd = openSync(join(dir, name), 'a', FILE_MODE);
    const stat = fstatSync(fd);
    if (ownedByMe(stat.uid) && (stat.mode & 0o777) !== FILE_MODE) fchmodSync(fd, FILE_MODE);
    const existing = existingFiles(dir);
    const doomed = new Set(filesToDelete(existing, name, limits));
    for (const old of doomed) rmSync(join(dir, old), { force: true });
    for (const file of existing)
      if (file.name !== name && !doomed.has(file.name)) tighten(join(dir, file.name), FILE_MODE);
    return { fd, day, part, size: stat.size };
  };

  const openForDay = (day: string): Open => {
    const { part } = fileForDay(day, existingFiles(dir), limits.maxFileBytes);
    return openFile(day, part);
  };

  const closeCurrent = (): void => {
    const fd = current?.fd;
    current = undefined;
    if (fd === undefined) return;
    try {
      closeSync(fd);
    } catch {
      // A handle that cannot even be closed is gone already; the next line opens a new one.
    }
  };

  // Opened at once: a folder the kiosk cannot write is reported when the log is opened, not at the first line.
  current = openForDay(now().toISOString().slice(0, 10));

  return {
    write(line) {
      const bytes = Buffer.from(`${line}\n`, 'utf8');
      const day = now().toISOString().slice(0, 10);
      if (current?.day !== day) {
        closeCurrent();
        current = openForDay(day);
      } else if (current.size > 0 && current.size + bytes.length > limits.maxFileBytes) {
        const next = current.part + 1;
        closeCurrent();
        current = openFile(day, next);
      }
      const file = current;
      try {
        let done = 0;
        while (done < bytes.length) done += writeSync(file.fd, bytes, done);
        file.size += bytes.length;
      } catch (e) {
        // Reopened at the next line: a disk that was full or a file deleted under us may be fine by then.
        closeCurrent();
        throw e;
      }
    },
    close: closeCurrent,
  };
};
