import { listPackage, uncache } from '@electron/asar';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { err, ok, type Result } from '../contract/result';
import { PACKAGED_CONFIG_NAME } from './builder-config';
import { isExcludedCredentialFileName } from './credential-names';
import type { KnownSecret } from './package-needles';
import { scanPackageFolder, type PackageScan } from './package-scan';

export type PackageReport = {
  readonly unpackedDir: string;
  readonly asarEntries: readonly string[];
  readonly unpackedFiles: readonly string[];
  /** What the content check read, and which credentials it could not look for. */
  readonly scan: Omit<PackageScan, 'problems'>;
};

export type PackageExpectations = {
  /** The exact text of the configuration that was validated. */
  readonly configText: string;
  /** The compiled app folder: every file in it (credential files aside) must be in the archive under out/. */
  readonly appDir?: string;
  /** Credential values that must not be anywhere inside, in any spelling (package-needles.ts). */
  readonly secrets?: readonly KnownSecret[];
};

/** Every file below `dir`, relative to it, with forward slashes (as asar lists them). */
export const listFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));

/**
 * Checks an unpacked build (`linux-unpacked`, `win-unpacked`) the way an installer would want it checked:
 * the archive holds main, preload and renderer, and all of the compiled app (an exclusion pattern must never
 * drop code); the machine's configuration is the one that was validated; and nothing secret is inside, by
 * file name or by content, in the archive or beside it (package-scan.ts).
 */
export const verifyUnpackedPackage = async (
  unpackedDir: string,
  expected: PackageExpectations,
): Promise<Result<PackageReport, string[]>> => {
  const problems: string[] = [];
  const resources = join(unpackedDir, 'resources');
  const asarPath = join(resources, 'app.asar');
  if (!existsSync(asarPath)) return err([`${asarPath} is missing`]);
  uncache(asarPath);
  const asarEntries = listPackage(asarPath, { isPack: false }).map((e) => e.split(sep).join('/'));
  for (const part of ['main', 'preload', 'renderer']) {
    if (!asarEntries.some((e) => e.startsWith(`/out/${part}/`) && /\.(c?js|mjs|html)$/.test(e))) {
      problems.push(`app.asar has no out/${part}/ code`);
    }
  }
  if (expected.appDir !== undefined) {
    const packed = new Set(asarEntries);
    const left = (await listFiles(expected.appDir)).filter(
      (f) => !isExcludedCredentialFileName(basename(f)) && !packed.has(`/out/${f}`),
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
  const { problems: found, ...scan } = await scanPackageFolder(unpackedDir, expected.secrets ?? []);
  problems.push(...found.map((p) => `secret inside the package: ${p}`));
  return problems.length > 0 ? err(problems) : ok({ unpackedDir, asarEntries, unpackedFiles, scan });
};
