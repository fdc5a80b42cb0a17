import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parseLogFileName, type LogFileName } from './log-retention';

/** At most this much is read from the log folder for one view, however long its lines are. */
export const MAX_TAIL_BYTES = 2 * 1024 * 1024;

const newestFirst = (a: LogFileName, b: LogFileName): number =>
  a.day === b.day ? b.part - a.part : a.day < b.day ? 1 : -1;

const isMissing = (e: unknown): boolean =>
  e instanceof Error && 'code' in e && (e as NodeJS.ErrnoException).code === 'ENOENT';

/** The whole lines in the last `budget` bytes of a file; a line cut by where the read starts is left out. */
const tailOf = (path: string, budget: number): { lines: string[]; bytes: number } => {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, budget);
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const read = readSync(fd, buffer, done, length - done, size - length + done);
      if (read === 0) break;
      done += read;
    }
    let text = buffer.subarray(0, done).toString('utf8');
    if (length < size) text = text.slice(text.indexOf('\n') + 1);
    return { lines: text.split('\n').filter((line) => line !== ''), bytes: done };
  } finally {
    closeSync(fd);
  }
};

/**
 * The newest `count` lines of the kiosk's log folder (rotating-log-file.ts names the files), oldest first,
 * reading back through older parts and days as needed but never more than `maxBytes` in all. The lines were
 * redacted when they were written (json-logger.ts); nothing here adds to them. A missing folder has no lines.
 */
export const readLogTail = (dir: string, count: number, maxBytes = MAX_TAIL_BYTES): string[] => {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if (isMissing(e)) return [];
    throw e;
  }
  const files = names
    .map(parseLogFileName)
    .filter((f): f is LogFileName => f !== undefined)
    .sort(newestFirst);
  let collected: string[] = [];
  let budget = maxBytes;
  for (const file of files) {
    if (collected.length >= count || budget <= 0) break;
    try {
      const { lines, bytes } = tailOf(join(dir, file.name), budget);
      collected = [...lines, ...collected];
      budget -= bytes;
    } catch (e) {
      // Deleted by the log's own retention between the listing and the read: the older files still count.
      if (!isMissing(e)) throw e;
    }
  }
  return collected.slice(-count);
};
