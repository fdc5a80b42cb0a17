import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLogFile } from '../../../electron/main/log-file';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiosk-app-log-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

describe('openLogFile', () => {
  it('copies each line to stdout, and when the disk refuses one says so once instead of throwing', () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    let clock = new Date('2026-01-02T10:00:00Z');
    const dir = join(root, 'logs');
    const log = openLogFile(dir, undefined, () => clock);
    log.write('first');
    // The next day's file cannot be made: its folder has become a plain file.
    rmSync(dir, { recursive: true });
    writeFileSync(dir, '');
    clock = new Date('2026-01-03T10:00:00Z');
    expect(() => {
      log.write('second');
      log.write('third');
    }).not.toThrow();
    expect(stdout.mock.calls.map(([line]) => String(line))).toEqual(['first\n', 'second\n', 'third\n']);
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/^log file .*logs: /);
  });

  it('writes the lines to the day file', () => {
    vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    const dir = join(root, 'logs');
    openLogFile(dir, undefined, () => new Date('2026-01-02T10:00:00Z')).write('{"event":"x"}');
    expect(readFileSync(join(dir, 'kiosk-2026-01-02.log'), 'utf8')).toBe('{"event":"x"}\n');
  });
});
