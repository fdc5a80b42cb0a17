import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOG_LIMITS,
  fileForDay,
  filesToDelete,
  logFileName,
  parseLogFileName,
} from '../../../electron/adapters/log-retention';

const limits = { maxFileBytes: 100, maxTotalBytes: 350, keepDays: 3 };

describe('log file names', () => {
  it('reads the day and the part, and nothing the kiosk did not write', () => {
    expect(parseLogFileName('kiosk-2026-01-02.log')).toEqual({
      name: 'kiosk-2026-01-02.log',
      day: '2026-01-02',
      part: 0,
    });
    expect(parseLogFileName('kiosk-2026-01-02.12.log')?.part).toBe(12);
    for (const other of ['kiosk-2026-01-02.0.log', 'kiosk-2026-01-02.log.bak', 'notes.log', 'kiosk.log'])
      expect(parseLogFileName(other)).toBeUndefined();
    expect(logFileName('2026-01-02', 0)).toBe('kiosk-2026-01-02.log');
    expect(logFileName('2026-01-02', 3)).toBe('kiosk-2026-01-02.3.log');
  });

  it('defaults to 5 MB files, 50 MB in all, 14 days', () => {
    expect(DEFAULT_LOG_LIMITS).toEqual({ maxFileBytes: 5_242_880, maxTotalBytes: 52_428_800, keepDays: 14 });
  });
});

describe('fileForDay', () => {
  it("appends to the day's newest part while it has room, else starts the next (numbers, not text, order them)", () => {
    const existing = [
      { name: 'kiosk-2026-01-02.log', size: 100 },
      { name: 'kiosk-2026-01-02.9.log', size: 100 },
      { name: 'kiosk-2026-01-02.10.log', size: 40 },
    ];
    expect(fileForDay('2026-01-02', existing, 100)).toEqual({ name: 'kiosk-2026-01-02.10.log', part: 10 });
    expect(fileForDay('2026-01-02', [...existing.slice(0, 2)], 100)).toEqual({
      name: 'kiosk-2026-01-02.10.log',
      part: 10,
    });
    expect(fileForDay('2026-01-03', existing, 100)).toEqual({ name: 'kiosk-2026-01-03.log', part: 0 });
  });
});

describe('filesToDelete', () => {
  it('keeps the newest days only', () => {
    const existing = ['01', '02', '03', '04'].map((d) => ({ name: `kiosk-2026-01-${d}.log`, size: 1 }));
    expect(filesToDelete(existing, 'kiosk-2026-01-05.log', limits)).toEqual([
      'kiosk-2026-01-01.log',
      'kiosk-2026-01-02.log',
    ]);
  });

  it('deletes the oldest files until the others fit beside a full current file', () => {
    const existing = [
      { name: 'kiosk-2026-01-04.log', size: 100 },
      { name: 'kiosk-2026-01-04.1.log', size: 100 },
      { name: 'kiosk-2026-01-04.2.log', size: 100 },
      { name: 'kiosk-2026-01-04.3.log', size: 100 },
      { name: 'readme.txt', size: 10_000 },
    ];
    // 350 in all, 100 for the file being written: 250 for the rest, so two of four stay.
    expect(filesToDelete(existing, 'kiosk-2026-01-04.4.log', limits)).toEqual([
      'kiosk-2026-01-04.log',
      'kiosk-2026-01-04.1.log',
    ]);
  });

  it('never deletes the file being written', () => {
    const existing = [{ name: 'kiosk-2026-01-04.log', size: 10_000 }];
    expect(filesToDelete(existing, 'kiosk-2026-01-04.log', limits)).toEqual([]);
  });
});
