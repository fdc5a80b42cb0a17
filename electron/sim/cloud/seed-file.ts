import { readFile } from 'node:fs/promises';
import { err, ok, type Result } from '../../contract/result';
import { simSeedSchema, type SimSeed } from './seed-schema';

/** Reads and validates a seed file; every problem comes back as one readable sentence. */
export const loadSeedFile = async (path: string): Promise<Result<SimSeed, string>> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return err(`cannot read seed file ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return parseSeedText(text, path);
};

export const parseSeedText = (text: string, source: string): Result<SimSeed, string> => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(`seed ${source} is not valid JSON`);
  }
  const parsed = simSeedSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return err(`seed ${source} is invalid: ${first}`);
  }
  return ok(parsed.data);
};
