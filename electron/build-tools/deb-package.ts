import {
  chmod,
  copyFile,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { err, ok, type Result } from '../contract/result';
import { PACKAGED_CONFIG_NAME, type BuildArch } from './builder-config';
import { debContentProblems, parseDebListing } from './deb-contents';
import { DEB_DEPENDS, debArchitecture, debControlText, debVersion } from './deb-control';
import { debInstallDir, debLayout, type DebEntry } from './deb-layout';
import { dpkgDeb, type DpkgDeb } from './dpkg-deb';
import type { KnownSecret } from './package-needles';
import { scanPackageFolder } from './package-scan';

export type DebPackageRequest = {
  readonly projectDir: string;
  readonly unpackedDir: string;
  /** The machine's output folder; the .deb goes here. */
  readonly outputDir: string;
  readonly machineNo: string;
  readonly arch: BuildArch;
  /** The electron-builder configuration the unpacked app was built with: names, icon, maintainer. */
  readonly config: Configuration;
  /** Credential values that must not be inside, as for the unpacked build. */
  readonly secrets?: readonly KnownSecret[];
};

export const DEB_PACKAGE_NAME = 'pickup-kiosk';

/** Puts one layout entry into the staging root with the mode a package wants, whatever the umask was. */
const stage = async (root: string, entry: DebEntry): Promise<void> => {
  const to = join(root, entry.to);
  await mkdir(dirname(to), { recursive: true });
  if (entry.kind === 'tree') await cp(entry.from, to, { recursive: true, verbatimSymlinks: true });
  else if (entry.kind === 'file') await copyFile(entry.from, to);
  else await writeFile(to, entry.text);
  if (entry.kind !== 'tree') await chmod(to, entry.mode);
};

/**
 * Folders 0755 and nothing writable by group or others; returns the installed size in KiB the way dpkg counts
 * it (each file rounded up to a KiB, one per folder or link). DEBIAN/ is not installed, so not counted.
 */
const normaliseTree = async (root: string): Promise<number> => {
  let kib = 0;
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    const counted = !path.startsWith(join(root, 'DEBIAN'));
    if (entry.isDirectory()) await chmod(path, 0o755);
    else if (entry.isFile()) await chmod(path, (await lstat(path)).mode & 0o7755);
    if (counted) kib += entry.isFile() ? Math.ceil((await lstat(path)).size / 1024) : 1;
  }
  await chmod(root, 0o755);
  return kib;
};

const readText = (path: string): Promise<string> => readFile(path, 'utf8');

/**
 * Assembles the Debian package from electron-builder's unpacked app with dpkg-deb. The staged tree, which is
 * byte for byte what dpkg-deb packs, is searched for secrets first (names and contents, as the unpacked build
 * was: the deb adds maintainer scripts, a desktop entry and an icon); then the listing is read back and the
 * package refused (and deleted) if anything required is missing or a file is named like a secret.
 */
export const buildDebPackage = async (
  request: DebPackageRequest,
  tools: DpkgDeb = dpkgDeb,
): Promise<Result<string, string[]>> => {
  const { config, projectDir } = request;
  const manifest = JSON.parse(await readText(join(projectDir, 'package.json'))) as {
    version?: string;
    description?: string;
  };
  const version = debVersion(manifest.version ?? '');
  const productName = config.productName;
  const executable = config.linux?.executableName;
  const maintainer = config.linux?.maintainer;
  if (!version.ok) return err([version.error]);
  if (productName == null || executable == null || maintainer == null || config.linux?.icon == null)
    return err([
      'the builder configuration needs productName and linux.executableName, .maintainer and .icon',
    ]);
  const layout = debLayout({
    unpackedDir: request.unpackedDir,
    iconFile: join(projectDir, config.linux.icon),
    productName,
    executable,
    synopsis: config.linux.synopsis ?? productName,
    postinstTemplate: await readText(join(projectDir, 'build/linux/after-install.sh')),
    postrmTemplate: await readText(join(projectDir, 'build/linux/after-remove.sh')),
  });
  if (!layout.ok) return err([layout.error]);

  const architecture = debArchitecture(request.arch);
  const debFile = join(
    request.outputDir,
    `${DEB_PACKAGE_NAME}-${request.machineNo}-${manifest.version ?? ''}-${architecture}.deb`,
  );
  // Staged beside the output, on the same disk: the unpacked Electron app is a few hundred MB.
  const root = await mkdtemp(join(request.outputDir, '.deb-root-'));
  try {
    for (const entry of layout.value) await stage(root, entry);
    const control = debControlText({
      package: DEB_PACKAGE_NAME,
      version: version.value,
      architecture,
      maintainer,
      installedSizeKiB: await normaliseTree(root),
      depends: DEB_DEPENDS,
      synopsis: config.linux.synopsis ?? productName,
      description: [manifest.description ?? '', `Built for machine ${request.machineNo}.`],
    });
    if (!control.ok) return err([control.error]);
    await writeFile(join(root, 'DEBIAN/control'), control.value, { mode: 0o644 });
    const scan = await scanPackageFolder(root, request.secrets ?? []);
    if (scan.problems.length > 0) return err(scan.problems.map((p) => `secret inside the package: /${p}`));
    const built = await tools.build(root, debFile);
    if (!built.ok) return err([`dpkg-deb --build: ${built.error}`]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }

  const listing = await tools.contents(debFile);
  const app = debInstallDir(productName);
  const problems = listing.ok
    ? debContentProblems(parseDebListing(listing.value), [
        `${app}/${executable}`,
        `${app}/resources/app.asar`,
        `${app}/resources/${PACKAGED_CONFIG_NAME}`,
        `${app}/resources/apparmor-profile`,
      ])
    : [`dpkg-deb --contents: ${listing.error}`];
  if (problems.length > 0) {
    await rm(debFile, { force: true });
    return err(problems);
  }
  return ok(debFile);
};
