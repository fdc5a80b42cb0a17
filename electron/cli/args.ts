/**
 * A small, strict flag parser: `--name value`, `--flag`, and positionals. Unknown flags are errors,
 * so a typo never silently falls back to a default on a real machine.
 */
export type ParsedArgs = {
  readonly positionals: string[];
  readonly values: Map<string, string>;
  readonly flags: Set<string>;
};

export type ArgSpec = { readonly values?: readonly string[]; readonly flags?: readonly string[] };

export class UsageError extends Error {}

export const parseArgs = (args: readonly string[], spec: ArgSpec): ParsedArgs => {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  const valueNames = new Set(spec.values ?? []);
  const flagNames = new Set(spec.flags ?? []);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (flagNames.has(name) && eq === -1) {
      flags.add(name);
    } else if (valueNames.has(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positionals, values, flags };
};

export const requireValue = (parsed: ParsedArgs, name: string): string => {
  const value = parsed.values.get(name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
};

export const intValue = (parsed: ParsedArgs, name: string, fallback?: number): number => {
  const raw = parsed.values.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  return Number(raw);
};
