import { extractFile, listPackage, statFile, uncache } from '@electron/asar';
import { open, readdir, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { createContentScanner, type ContentSource } from './content-scan';
import { suspiciousFileName } from './credential-names';
import { credentialNeedles, KEY_MATERIAL_NEEDLES, type KnownSecret } from './package-needles';

export type PackageScan = {
  /** One line per finding: the path inside the package, then what is wrong with it. */
  readonly problems: string[];
  /** Labels of credentials too short to search for (never their values). */
  readonly unsearched: string[];
  readonly files: number;
  readonly bytes: number;
};

const fileSource = (path: string, shown: string, size: number): ContentSource => ({
  path: shown,
  size,
  async read(offset, length) {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
});

/** An archive entry, read out of the archive the first time the scanner asks for it. */
const archiveEntrySource = (archive: string, inner: string, shown: string, size: number): ContentSource => {
  let bytes: Buffer | undefined;
  return {
    path: shown,
    size,
    read(offset, length) {
      bytes ??= extractFile(archive, inner, false);
      return Promise.resolve(bytes.subarray(offset, offset + length));
    },
  };
};

type Entry = { readonly name: string; readonly source: ContentSource | undefined };

/**
 * Every file of an archive, by name, with its content where it is stored inside. Entries marked unpacked live
 * in `<archive>.unpacked`, which the folder walk reads as ordinary files; links are names only.
 */
const archiveEntries = (archive: string, shown: string): Entry[] => {
  // @electron/asar caches headers by path; a rebuilt archive at the same path must be read afresh.
  uncache(archive);
  const entries: Entry[] = [];
  for (const listed of listPackage(archive, { isPack: false })) {
    const inner = listed.split(sep).join('/').replace(/^\//, '');
    const info = statFile(archive, inner, false);
    if ('files' in info) continue;
    const name = `${shown}/${inner}`;
    const stored = !('link' in info) && !info.unpacked;
    entries.push({ name, source: stored ? archiveEntrySource(archive, inner, name, info.size) : undefined });
  }
  return entries;
};

/**
 * A `.asar` that is no archive is read as the plain file it is. Its bytes are then still searched (asar stores
 * files uncompressed), only the names inside are not to be had; the package check itself refuses a broken
 * app.asar anyway.
 */
const readableArchive = (path: string, shown: string): Entry[] | undefined => {
  try {
    return archiveEntries(path, shown);
  } catch {
    return undefined;
  }
};

/** The folder's files in a stable order, each an archive's entries after the archive itself. */
const folderEntries = async (root: string): Promise<Entry[]> => {
  const listed = (await readdir(root, { withFileTypes: true, recursive: true }))
    .filter((e) => !e.isDirectory())
    .map((e) => ({ e, path: join(e.parentPath, e.name) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries: Entry[] = [];
  for (const { e, path } of listed) {
    const shown = relative(root, path).split(sep).join('/');
    const inside = e.isFile() && e.name.endsWith('.asar') ? readableArchive(path, shown) : undefined;
    if (inside !== undefined) {
      entries.push({ name: shown, source: undefined }, ...inside);
    } else {
      const source = e.isFile() ? fileSource(path, shown, (await stat(path)).size) : undefined;
      entries.push({ name: shown, source });
    }
  }
  return entries;
};

/**
 * Looks inside a package folder (`linux-unpacked`, or the deb's staging root): every file's name, and every
 * byte of every file, archives opened, for the credentials the build knows and for key material.
 */
export const scanPackageFolder = async (
  root: string,
  secrets: readonly KnownSecret[],
): Promise<PackageScan> => {
  const { needles, unsearched } = credentialNeedles(secrets);
  const scanner = createContentScanner([...needles, ...KEY_MATERIAL_NEEDLES]);
  const problems: string[] = [];
  let files = 0;
  let bytes = 0;
  for (const { name, source } of await folderEntries(root)) {
    const why = suspiciousFileName(posix.basename(name));
    if (why !== undefined) problems.push(`${name}: ${why}`);
    if (source === undefined) continue;
    files += 1;
    bytes += source.size;
    problems.push(...(await scanner.scan(source)));
  }
  return { problems, unsearched, files, bytes };
};
