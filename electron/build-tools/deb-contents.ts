import { basename } from 'node:path/posix';
import { suspiciousFileName } from './credential-names';

/** One line of `dpkg-deb -c`: what the package would put on the disk. */
export type DebContentEntry = {
  /** Relative to the root, no leading `./`, no trailing slash: `opt/Pickup Kiosk/pickup-kiosk`. */
  readonly path: string;
  readonly type: 'file' | 'dir' | 'link' | 'other';
  readonly permissions: string;
  readonly owner: string;
  readonly linkTarget?: string;
};

const TYPES: Record<string, DebContentEntry['type']> = { '-': 'file', d: 'dir', l: 'link' };

/**
 * Parses `dpkg-deb -c` (tar's verbose listing): permissions, owner/group, size, date, time, then the path,
 * which may hold spaces (`./opt/Pickup Kiosk/`) and, for a symbolic link, ` -> target`.
 */
export const parseDebListing = (listing: string): DebContentEntry[] =>
  listing
    .split('\n')
    .map((line) => /^(\S{10})\s+(\S+)\s+\d+\s+\S+\s+\S+\s+\.\/(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, permissions = '', owner = '', rest = '']) => {
      const type = TYPES[permissions.charAt(0)] ?? 'other';
      const arrow = type === 'link' ? rest.indexOf(' -> ') : -1;
      const path = (arrow >= 0 ? rest.slice(0, arrow) : rest).replace(/\/$/, '');
      return {
        path,
        type,
        permissions,
        owner,
        ...(arrow >= 0 ? { linkTarget: rest.slice(arrow + 4) } : {}),
      };
    })
    .filter((entry) => entry.path !== '');

/**
 * What the built package must be: every required path present, everything owned by root (an installed kiosk
 * whose files its own user could rewrite would not be a locked-down kiosk), and no file named like a secret
 * anywhere (the same names the unpacked build is checked for; the content is checked before packing).
 */
export const debContentProblems = (
  entries: readonly DebContentEntry[],
  required: readonly string[],
): string[] => {
  const paths = new Set(entries.map((e) => e.path));
  return [
    ...(entries.length === 0 ? ['the package lists no files'] : []),
    ...required.filter((path) => !paths.has(path)).map((path) => `the package has no /${path}`),
    ...entries
      .filter((e) => e.owner !== 'root/root')
      .map((e) => `/${e.path} in the package is owned by ${e.owner}, not root/root`),
    ...entries.flatMap((e) => {
      const why = e.type === 'dir' ? undefined : suspiciousFileName(basename(e.path));
      return why === undefined ? [] : [`secret inside the package: /${e.path}: ${why}`];
    }),
  ];
};
