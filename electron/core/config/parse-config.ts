import { err, ok, type Result } from '../../contract/result';
import { formatProblems, type ConfigProblem } from './format-problems';
import { findJsonSyntaxError } from './json-syntax';
import { machineConfigSchema, type MachineConfig } from './schema';

/**
 * Reads a machine configuration file's text. Every problem is listed at once, so an installer fixes the file
 * in one pass instead of one error per run. Defaults are filled in for every setting left out.
 */
export const parseMachineConfig = (jsonText: string): Result<MachineConfig, ConfigProblem[]> => {
  // Windows Notepad saves UTF-8 with a byte-order mark, which JSON.parse rejects.
  const text = jsonText.replace(/^\uFEFF/, '');
  if (text.trim() === '')
    return err([{ path: '', message: 'the file is empty: it must hold one JSON object { ... }' }]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const where = findJsonSyntaxError(text);
    return err([
      where
        ? {
            path: '',
            message: `not valid JSON at line ${where.line}, column ${where.column}: ${where.message}`,
          }
        : { path: '', message: 'not valid JSON' },
    ]);
  }
  return parseMachineConfigValue(data);
};

/** Validates an already-parsed value (used when a config is assembled in code, e.g. a fleet row's overrides). */
export const parseMachineConfigValue = (data: unknown): Result<MachineConfig, ConfigProblem[]> => {
  const parsed = machineConfigSchema.safeParse(data, { reportInput: true });
  return parsed.success ? ok(parsed.data) : err(formatProblems(parsed.error.issues));
};
