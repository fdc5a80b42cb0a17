import { err, ok, type Result } from '../contract/result';
import type { BuildArch } from './builder-config';

/**
 * The libraries Electron's binary loads that a desktop install of Debian 12 or Ubuntu 22.04+ may lack. Ubuntu
 * 24.04 and Debian 13 renamed some for the 64-bit time_t transition (the `t64` names), so those are given as
 * alternatives: one package installs on both generations. libcups2 is there because Chromium links it.
 */
export const DEB_DEPENDS = [
  'libgtk-3-0 | libgtk-3-0t64',
  'libnss3',
  'libxss1',
  'libxtst6',
  'libatspi2.0-0 | libatspi2.0-0t64',
  'libuuid1',
  'libsecret-1-0',
  'libasound2 | libasound2t64',
  'libcups2 | libcups2t64',
  'libgbm1',
  'libdrm2',
  'xdg-utils',
] as const;

const DEB_ARCHITECTURES: Record<BuildArch, string> = { x64: 'amd64', arm64: 'arm64', armv7l: 'armhf' };

/** Debian's name for the architecture electron-builder built for. */
export const debArchitecture = (arch: BuildArch): string => DEB_ARCHITECTURES[arch];

/**
 * package.json's version as a Debian version. A semver pre-release (`1.2.0-rc.1`) sorts before its release
 * in semver but after it in Debian unless the hyphen becomes a tilde (`1.2.0~rc.1`), electron-builder's rule too.
 */
export const debVersion = (version: string): Result<string, string> => {
  const converted = version.trim().replace(/-/g, '~');
  return /^[0-9][A-Za-z0-9.+~]*$/.test(converted)
    ? ok(converted)
    : err(`package.json version "${version}" cannot be a Debian version`);
};

export type DebControlFields = {
  readonly package: string;
  readonly version: string;
  readonly architecture: string;
  readonly maintainer: string;
  /** Sum of the payload's sizes in KiB, what `dpkg -s` and apt show as the installed size. */
  readonly installedSizeKiB: number;
  readonly depends: readonly string[];
  readonly synopsis: string;
  /** Paragraphs of the long description; each becomes indented lines, an empty one a " ." line. */
  readonly description: readonly string[];
};

const singleLine = (value: string): boolean =>
  !/[\r\n]/.test(value) && value.trim() === value && value !== '';

/** The binary package's DEBIAN/control (deb-control(5)): one paragraph, ending in a newline. */
export const debControlText = (fields: DebControlFields): Result<string, string> => {
  const single = {
    Package: fields.package,
    Version: fields.version,
    Architecture: fields.architecture,
    Maintainer: fields.maintainer,
    Description: fields.synopsis,
  };
  for (const [name, value] of Object.entries(single)) {
    if (!singleLine(value))
      return err(`control field ${name} must be one non-empty line, got ${JSON.stringify(value)}`);
  }
  if (!/^[a-z0-9][a-z0-9+.-]+$/.test(fields.package))
    return err(`"${fields.package}" is not a Debian package name`);
  const long = fields.description
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => paragraph.split(/\r?\n/).map((line) => ` ${line.trim() === '' ? '.' : line.trim()}`));
  const lines = [
    `Package: ${fields.package}`,
    `Version: ${fields.version}`,
    `Architecture: ${fields.architecture}`,
    `Maintainer: ${fields.maintainer}`,
    `Installed-Size: ${Math.max(1, Math.ceil(fields.installedSizeKiB))}`,
    ...(fields.depends.length > 0 ? [`Depends: ${fields.depends.join(', ')}`] : []),
    'Section: misc',
    'Priority: optional',
    `Description: ${fields.synopsis}`,
    ...long.flatMap((paragraph, i) => (i === 0 ? paragraph : [' .', ...paragraph])),
  ];
  return ok(`${lines.join('\n')}\n`);
};
