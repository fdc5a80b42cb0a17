/**
 * Turns validation issues into lines an installer can act on: `boards[0].addr: must be 1–8, got 9`.
 * The field messages themselves come from the schema (schema-fields.ts); this file only names the field.
 */

export type ConfigProblem = {
  /** Dotted path with list indexes in brackets, e.g. `boards[0].slotTypes.12`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
};

/** The subset of a zod issue this formatter reads, so it stays independent of zod's internal types. */
export type IssueLike = {
  readonly path: readonly PropertyKey[];
  readonly message: string;
};

const isIdentifier = (key: string): boolean => /^[A-Za-z_$][\w$]*$/.test(key);

export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = typeof key === 'symbol' ? key.toString() : key;
    if (!isIdentifier(name)) return `${out}[${JSON.stringify(name)}]`;
    return out === '' ? name : `${out}.${name}`;
  }, '');

/** One problem per issue, in the order the schema checks them, exact duplicates (same path and text) removed. */
export const formatProblems = (issues: readonly IssueLike[]): ConfigProblem[] => {
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    const problem = { path: formatPath(issue.path), message: issue.message };
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
};

export const problemLine = (problem: ConfigProblem): string =>
  problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
