import { listPackage } from '@electron/asar';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { err, ok, type Result } from '../contract/result';
import { PACKAGED_CONFIG_NAME } from './builder-config';

/** Basenames of credential and provisioning files (the names CREDENTIAL_FILE_PATTERNS keeps out). */
export const isCredentialFileName = (name: string): boolean =>
  /\.provision\.json$/i.test(name) ||
  /^provisioning.*\.json$/i.test(name) ||
  /^credentials.*\.json$/i.test(name) ||
  /^\.env(\..*)?$/i.test(name) ||
  /\.env$/i.test(name);

export type PackageReport = {
  readonly unpackedDir: string;
  readonly asarEntries: readonly string[];
  readonly unpackedFiles: readonly string[];
};

export type PackageExpectations = {
  /** The exact text of the configuration that was validated. */
  readonly configText: string;
  /** The compiled app folder: every file in it (credential files aside) must be in the archive under out/. */
  readonly appDir?: string;
};

/** Every file below `dir`, relative to it, with forward slashes (as asar lists them). */
export const listFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));

/**
 * Checks an unpacked build (`linux-unpacked`, `win-unpacked`) the way an installer would want it checked:
 * the archive holds main, preload and renderer, and all of the compiled app (an exclusion pattern must never
 * drop code); the machine's configuration is the one that was validated; no credential file is anywhere in it.
 */
export const verifyUnpackedPackage = async (
  unpackedDir: string,
  expected: PackageExpectations,
): Promise<Result<PackageReport, string[]>> => {
  const problems: string[] = [];
  const resources = join(unpackedDir, 'resources');
  const asarPath = join(resources, 'app.asar');
  if (!existsSync(asarPath)) return err([`${asarPath} is missing`]);
  const asarEntries = listPackage(asarPath, { isPack: false }).map((e) => e.split(sep).join('/'));
  for (const part of ['main', 'preload', 'renderer']) {
    if (!asarEntries.some((e) => e.startsWith(`/out/${part}/`) && /\.(c?js|mjs|html)$/.test(e))) {
      problems.push(`app.asar has no out/${part}/ code`);
    }
  }
  if (expected.appDir !== undefined) {
    const packed = new Set(asarEntries);
    const left = (await listFiles(expected.appDir)).filter(
      (f) => !isCredentialFileName(basename(f)) && !packed.has(`/out/${f}`),
    );
    problems.push(...left.map((f) => `app.asar is missing out/${f} from the compiled app`));
  }
  const configPath = join(resources, PACKAGED_CONFIG_NAME);
  const packagedConfig = existsSync(configPath) ? await readFile(configPath, 'utf8') : undefined;
  if (packagedConfig === undefined) problems.push(`resources/${PACKAGED_CONFIG_NAME} is missing`);
  else if (packagedConfig !== expected.configText) {
    problems.push(`resources/${PACKAGED_CONFIG_NAME} differs from the validated configuration`);
  }
  const unpackedFiles = await listFiles(unpackedDir);
  for (const file of [...unpackedFiles, ...asarEntries.map((e) => `resources/app.asar${e}`)]) {
    if (isCredentialFileName(basename(file))) problems.push(`credential file inside the package: ${file}`);
  }
  return problems.length > 0 ? err(problems) : ok({ unpackedDir, asarEntries, unpackedFiles });
};
