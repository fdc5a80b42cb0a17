import { readFile } from 'node:fs/promises';
import type { ConfigProblem } from '../../core/config/format-problems';
import { parseMachineConfig } from '../../core/config/parse-config';
import type { MachineConfig } from '../../core/config/schema';

export type ConfigFileRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly problems: readonly ConfigProblem[] }
  | { readonly kind: 'valid'; readonly config: MachineConfig; readonly text: string };

const errorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

/** Reads and validates one machine configuration file. Shared by the app, `kioskctl config check` and the build. */
export const readMachineConfigFile = async (path: string): Promise<ConfigFileRead> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') return { kind: 'missing' };
    const why =
      code === 'EISDIR'
        ? 'it is a folder, not a file'
        : code === 'EACCES'
          ? 'permission denied'
          : (code ?? 'unknown error');
    return { kind: 'invalid', problems: [{ path: '', message: `cannot read the file: ${why}` }] };
  }
  const parsed = parseMachineConfig(text);
  return parsed.ok
    ? { kind: 'valid', config: parsed.value, text }
    : { kind: 'invalid', problems: parsed.error };
};
