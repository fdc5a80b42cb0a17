import type { MachineConfigInput } from '../../../../electron/core/config/schema';

/** The smallest valid configuration: only what has no default. */
export const minimalConfig = (): MachineConfigInput => ({
  machineNo: '12345678',
  cloud: { baseUrl: 'https://api.vendor.example.com', notifyUrl: 'https://ops.example.com/notify' },
  serial: { path: '/dev/pickup-board' },
  boards: [{ addr: 1 }],
});

/** A copy of `value` with the property at `path` replaced (or removed when `replacement` is `REMOVE`). */
export const REMOVE = Symbol('remove');
export const withField = (
  value: unknown,
  path: readonly (string | number)[],
  replacement: unknown,
): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i): [string, unknown] => [String(i), v])
    : Object.entries(typeof value === 'object' && value !== null ? value : {});
  const current = entries.find(([key]) => key === String(head))?.[1];
  const others = entries.filter(([key]) => key !== String(head));
  const next: [string, unknown][] =
    rest.length === 0 && replacement === REMOVE
      ? others
      : [...others, [String(head), withField(current ?? {}, rest, replacement)]];
  if (!Array.isArray(value)) return Object.fromEntries(next);
  const list: unknown[] = [];
  for (const [key, v] of next) list[Number(key)] = v;
  return list;
};
