import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMachineConfigValue } from '../../../../electron/core/config/parse-config';
import { minimalConfig } from './machine-config-fixture';

/** The README's settings table must list every setting with the default the schema really applies. */
const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Configuration'),
  readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
);
const rows = new Map(
  [...section.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)].map((m) => [
    m[1] ?? '',
    (m[2] ?? '').trim().replace(/^`|`$/g, ''),
  ]),
);

/**
 * Every leaf setting with its value after defaults, `boards[]` standing for each board; slotTypes is one setting,
 * and so is a list of plain values (`languages`).
 */
const leaves = (value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> => {
  if (Array.isArray(value) && typeof value[0] === 'object') return leaves(value[0], `${path}[]`, out);
  if (Array.isArray(value)) return out.set(path, value);
  if (typeof value === 'object' && value !== null && !path.endsWith('slotTypes')) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
    return out;
  }
  return out.set(path, value);
};

const defaults = (() => {
  const parsed = parseMachineConfigValue(minimalConfig());
  if (!parsed.ok) throw new Error('minimal config must be valid');
  return leaves(parsed.value, '', new Map());
})();
const required = new Set(['machineNo', 'cloud.baseUrl', 'cloud.notifyUrl', 'serial.path', 'boards[].addr']);

describe('README "Configuration" table', () => {
  it.each([...defaults.keys()])('documents %s', (path) => {
    expect(rows.has(path)).toBe(true);
  });

  it.each([...defaults.entries()].filter(([path]) => !required.has(path)))(
    'gives the real default of %s',
    (path, value) => {
      expect(rows.get(path)).toBe(JSON.stringify(value));
    },
  );

  it('marks the settings without a default as required', () => {
    for (const path of [...required, 'boards']) expect(rows.get(path)).toBe('required');
  });

  it('documents nothing the schema does not have', () => {
    const known = new Set([...defaults.keys(), 'boards']);
    expect([...rows.keys()].filter((path) => !known.has(path))).toEqual([]);
  });
});
