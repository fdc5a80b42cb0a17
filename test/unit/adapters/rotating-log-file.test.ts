import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRotatingLogFile } from '../../../electron/adapters/rotating-log-file';

let root: string;
let dir: string;
let clock: Date;
const now = () => clock;
const mode = (path: string) => statSync(path).mode & 0o777;
const files = () => readdirSync(dir).sort();
const total = () => files().reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
/** 20 bytes with its newline. */
const line = (n: number) => `line-${String(n).padStart(14, '0')}`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
  dir = join(root, 'logs');
  clock = new Date('2026-01-02T10:00:00Z');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('openRotatingLogFile', () => {
  it('creates the folder 0700 and the file 0600, whatever the umask', () => {
    const before = process.umask(0o000);
    try {
      const log = openRotatingLogFile(dir, undefined, now);
      log.write('hello');
      log.close();
    } finally {
      process.umask(before);
    }
    expect(mode(dir)).toBe(0o700);
    expect(files()).toEqual(['kiosk-2026-01-02.log']);
    expect(mode(join(dir, 'kiosk-2026-01-02.log'))).toBe(0o600);
  });

  it('tightens an existing folder and the files it left at 0755 and 0644, and leaves other files alone', async () => {
    mkdirSync(dir, { mode: 0o755 });
    await chmod(dir, 0o755);
    for (const name of ['kiosk-2026-01-01.log', 'kiosk-2026-01-02.log', 'notes.txt']) {
      writeFileSync(join(dir, name), 'old\n');
      await chmod(join(dir, name), 0o644);
    }
    openRotatingLogFile(dir, undefined, now).close();
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'kiosk-2026-01-01.log'))).toBe(0o600);
    expect(mode(join(dir, 'kiosk-2026-01-02.log'))).toBe(0o600);
    expect(mode(join(dir, 'notes.txt'))).toBe(0o644);
  });

  it('writes each line through at once, to one handle, in order', () => {
    const log = openRotatingLogFile(dir, undefined, now);
    log.write('one');
    // Read back before anything is closed: the line is in the file, not in a buffer of ours.
    expect(readFileSync(join(dir, 'kiosk-2026-01-02.log'), 'utf8')).toBe('one\n');
    log.write('two ✓');
    expect(readFileSync(join(dir, 'kiosk-2026-01-02.log'), 'utf8')).toBe('one\ntwo ✓\n');
    log.close();
  });

  it('starts the next part before a line would take a file over its size, and never splits a line', () => {
    const log = openRotatingLogFile(dir, { maxFileBytes: 50, maxTotalBytes: 1000, keepDays: 14 }, now);
    for (let n = 0; n < 7; n += 1) log.write(line(n));
    log.close();
    // Two 20-byte lines fit in 50 bytes, a third would not.
    expect(files()).toEqual([
      'kiosk-2026-01-02.1.log',
      'kiosk-2026-01-02.2.log',
      'kiosk-2026-01-02.3.log',
      'kiosk-2026-01-02.log',
    ]);
    const read = (name: string) => readFileSync(join(dir, name), 'utf8');
    expect(read('kiosk-2026-01-02.log')).toBe(`${line(0)}\n${line(1)}\n`);
    expect(read('kiosk-2026-01-02.3.log')).toBe(`${line(6)}\n`);
    for (const f of files()) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(50);
  });

  it('keeps the whole folder within the total, deleting the oldest parts first', () => {
    const limits = { maxFileBytes: 100, maxTotalBytes: 300, keepDays: 14 };
    const log = openRotatingLogFile(dir, limits, now);
    for (let n = 0; n < 100; n += 1) {
      log.write(line(n));
      expect(total()).toBeLessThanOrEqual(300);
    }
    log.close();
    // 2000 bytes written; what is left is the newest 300 at most, ending with the last line.
    expect(files()).toEqual([
      'kiosk-2026-01-02.17.log',
      'kiosk-2026-01-02.18.log',
      'kiosk-2026-01-02.19.log',
    ]);
    expect(readFileSync(join(dir, 'kiosk-2026-01-02.19.log'), 'utf8').trim().split('\n').at(-1)).toBe(
      line(99),
    );
  });

  it('moves to a new file at midnight UTC and keeps only the newest days', () => {
    const log = openRotatingLogFile(dir, { maxFileBytes: 100, maxTotalBytes: 1000, keepDays: 2 }, now);
    for (const day of ['02', '03', '04']) {
      clock = new Date(`2026-01-${day}T23:59:59Z`);
      log.write(`on ${day}`);
    }
    log.close();
    expect(files()).toEqual(['kiosk-2026-01-03.log', 'kiosk-2026-01-04.log']);
  });

  it("after a restart, appends to the day's newest part while it has room", () => {
    const limits = { maxFileBytes: 50, maxTotalBytes: 1000, keepDays: 14 };
    const first = openRotatingLogFile(dir, limits, now);
    for (let n = 0; n < 3; n += 1) first.write(line(n));
    first.close();
    const second = openRotatingLogFile(dir, limits, now);
    second.write(line(3));
    second.write(line(4));
    second.close();
    expect(readFileSync(join(dir, 'kiosk-2026-01-02.1.log'), 'utf8')).toBe(`${line(2)}\n${line(3)}\n`);
    expect(readFileSync(join(dir, 'kiosk-2026-01-02.2.log'), 'utf8')).toBe(`${line(4)}\n`);
  });

  it('refuses limits that cannot hold one file', () => {
    expect(() => openRotatingLogFile(dir, { maxFileBytes: 100, maxTotalBytes: 50, keepDays: 1 })).toThrow(
      /log limits/,
    );
  });

  it('throws at open when the folder cannot be made, so the app can say so', () => {
    writeFileSync(join(root, 'blocked'), '');
    expect(() => openRotatingLogFile(join(root, 'blocked', 'logs'))).toThrow();
  });
});
