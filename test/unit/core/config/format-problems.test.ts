import { describe, expect, it } from 'vitest';
import { formatPath, formatProblems, problemLine } from '../../../../electron/core/config/format-problems';

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['machineNo'], 'machineNo'],
    [['cloud', 'timeoutMs'], 'cloud.timeoutMs'],
    [['boards', 0, 'addr'], 'boards[0].addr'],
    [['boards', 3, 'slotTypes', '12'], 'boards[3].slotTypes["12"]'],
    [['odd key', 'x'], '["odd key"].x'],
    [[2], '[2]'],
  ] as [PropertyKey[], string][])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('formatProblems', () => {
  it('keeps one line per distinct problem, in order', () => {
    const problems = formatProblems([
      { path: ['b'], message: 'second' },
      { path: ['a', 1], message: 'first' },
      { path: ['b'], message: 'second' },
    ]);
    expect(problems).toEqual([
      { path: 'b', message: 'second' },
      { path: 'a[1]', message: 'first' },
    ]);
  });

  it('writes a whole-file problem without a path prefix', () => {
    expect(problemLine({ path: '', message: 'not valid JSON' })).toBe('not valid JSON');
    expect(problemLine({ path: 'boards[0].addr', message: 'must be 1–8, got 9' })).toBe(
      'boards[0].addr: must be 1–8, got 9',
    );
  });
});
