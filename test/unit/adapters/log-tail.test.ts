import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLogTail } from '../../../electron/adapters/log-tail';
import { toLogEvent } from '../../../electron/main/operator/log-view';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-log-tail-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, lines: readonly string[]): void => {
  writeFileSync(join(dir, name), lines.map((l) => `${l}\n`).join(''));
};
const numbered = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('the recent log', () => {
  it('reads back through parts and days, newest line last, and never touches files it did not write', () => {
    write('kiosk-2026-01-01.log', numbered('day1-', 3));
    write('kiosk-2026-01-02.log', numbered('day2a-', 2));
    write('kiosk-2026-01-02.1.log', numbered('day2b-', 2));
    write('kiosk-2026-01-02.2.log', numbered('day2c-', 2));
    write('notes.txt', ['not a log']);
    expect(readLogTail(dir, 5)).toEqual(['day2a-1', 'day2b-0', 'day2b-1', 'day2c-0', 'day2c-1']);
    expect(readLogTail(dir, 100)).toHaveLength(9);
    expect(readLogTail(dir, 100)[0]).toBe('day1-0');
  });

  it('reads at most its byte budget, dropping the line the cut falls into', () => {
    write('kiosk-2026-01-02.log', numbered('line-', 100));
    const lines = readLogTail(dir, 1000, 40);
    expect(lines.length).toBeLessThan(10);
    expect(lines.at(-1)).toBe('line-99');
    for (const line of lines) expect(line).toMatch(/^line-\d+$/);
  });

  it('has nothing to show when the folder is missing or empty', () => {
    expect(readLogTail(join(dir, 'missing'), 10)).toEqual([]);
    expect(readLogTail(dir, 10)).toEqual([]);
  });

  it('shows each line as time, level, event and the rest as compact JSON, cut to stay readable', () => {
    expect(
      toLogEvent('{"t":"2026-01-02T00:00:00.000Z","level":"warn","event":"service.off","by":"kioskctl"}'),
    ).toEqual({
      t: '2026-01-02T00:00:00.000Z',
      level: 'warn',
      event: 'service.off',
      detail: '{"by":"kioskctl"}',
    });
    const long = toLogEvent(`{"t":"x","level":"info","event":"e","blob":"${'a'.repeat(1000)}"}`);
    expect(long.detail.length).toBe(400);
    expect(long.detail.endsWith('…')).toBe(true);
    expect(toLogEvent('{"t":"x","level":"fatal","event":"e"}').level).toBe('unreadable');
    expect(toLogEvent('[1,2]')).toEqual({ t: '', level: 'unreadable', event: '', detail: '[1,2]' });
  });
});
