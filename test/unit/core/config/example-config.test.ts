import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMachineConfig } from '../../../../electron/core/config/parse-config';
import { summarizeMachineConfig } from '../../../../electron/core/config/summarize-config';

const example = readFileSync(join(__dirname, '../../../../build/machines/example.json'), 'utf8');

describe('build/machines/example.json', () => {
  it('is a valid configuration for machine 12345678 with two boards', () => {
    const parsed = parseMachineConfig(example);
    if (!parsed.ok) throw new Error(parsed.error.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(parsed.value.machineNo).toBe('12345678');
    expect(parsed.value.boards.map((b) => b.addr)).toEqual([1, 2]);
    expect(parsed.value.serial.path).toBe('/dev/pickup-board');
  });

  it('summarizes in a few lines an installer can check against the machine', () => {
    const parsed = parseMachineConfig(example);
    expect(parsed.ok && summarizeMachineConfig(parsed.value)).toEqual([
      'machine 12345678 "Lobby pickup kiosk"',
      'cloud api.vendor.example.com, reporting on, offline policy deny',
      'serial /dev/pickup-board at 9600 baud',
      'board 1: spring motor slots, drop sensor, 3 slot type overrides',
      'board 2: electromagnetic lock slots, no drop sensor',
      'language en (offers en, zh-CN), attract screen on, idle timeout 60 s, log level info',
      'maintenance screen disabled (no PIN hash)',
      'alerts off (no webhook)',
      'live link off (no broker): codes are polled',
    ]);
  });
});
