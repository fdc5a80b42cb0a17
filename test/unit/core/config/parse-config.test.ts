import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../../electron/core/config/format-problems';
import { parseMachineConfig } from '../../../../electron/core/config/parse-config';
import { minimalConfig } from './machine-config-fixture';

const lines = (text: string): string[] => {
  const parsed = parseMachineConfig(text);
  return parsed.ok ? [] : parsed.error.map(problemLine);
};

describe('parseMachineConfig', () => {
  it('parses a valid file and fills in the defaults', () => {
    const parsed = parseMachineConfig(JSON.stringify(minimalConfig()));
    expect(parsed.ok && parsed.value.logLevel).toBe('info');
  });

  it('accepts a file saved with a UTF-8 byte-order mark (Windows Notepad)', () => {
    expect(parseMachineConfig(`\uFEFF${JSON.stringify(minimalConfig())}`).ok).toBe(true);
  });

  it('says where a JSON mistake is', () => {
    expect(lines('{\n  "machineNo": "12345678",\n}')).toEqual([
      'not valid JSON at line 3, column 1: a trailing comma before "}" is not allowed in JSON',
    ]);
  });

  it('reports an empty file plainly', () => {
    expect(lines('  \n')).toEqual(['the file is empty: it must hold one JSON object { ... }']);
  });

  it('lists every field problem of a file at once', () => {
    const text = JSON.stringify({
      ...minimalConfig(),
      machineNo: '1',
      boards: [{ addr: 9 }],
      logLevel: 'loud',
    });
    expect(lines(text)).toEqual([
      'machineNo: must be exactly 8 digits, as printed on the machine, got "1"',
      'boards[0].addr: must be 1–8, got 9',
      'logLevel: must be one of "debug", "info", "warn", "error", got "loud"',
    ]);
  });
});
