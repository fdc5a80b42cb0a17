import { existsSync } from 'node:fs';
import { chmod, mkdir, open } from 'node:fs/promises';
import { dirname, join, parse, resolve } from 'node:path';
import { err, ok, type Result } from '../contract/result';
import { serializeProvisioning, type Provisioning } from '../core/credentials/provisioning-file';

/** Provisioning files are named after the machine so a fleet's files cannot be swapped unnoticed. */
export const provisioningFileName = (machineNo: string): string => `${machineNo}.provision.json`;

/** The git work tree holding `path`, if any: credentials must never be written where they could be committed. */
export const enclosingRepository = (path: string): string | undefined => {
  let dir = dirname(resolve(path));
  const { root } = parse(dir);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dir === root) return undefined;
    dir = dirname(dir);
  }
};

const errorCode = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : 'unknown error';

/**
 * Writes one provisioning file readable by its owner only (0600). Refuses to overwrite unless `force`, and
 * refuses any path inside a git work tree. Errors name the path, never the content.
 */
export const writeProvisioningFile = async (
  path: string,
  provisioning: Provisioning,
  options: { readonly force?: boolean } = {},
): Promise<Result<string, string>> => {
  const target = resolve(path);
  const repo = enclosingRepository(target);
  if (repo !== undefined) {
    return err(`refusing to write credentials inside the git repository ${repo}: choose a folder outside it`);
  }
  try {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const handle = await open(target, options.force ? 'w' : 'wx', 0o600);
    try {
      // An existing file keeps its old mode on overwrite, so set it explicitly before any byte is written.
      await handle.chmod(0o600);
      await handle.writeFile(serializeProvisioning(provisioning), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(target, 0o600);
    return ok(target);
  } catch (e) {
    const code = errorCode(e);
    return err(
      code === 'EEXIST'
        ? `${target} already exists (use --force to replace it)`
        : `cannot write ${target}: ${code}`,
    );
  }
};
