import { createHash } from 'node:crypto';

/**
 * Before `npm start`: will Electron's sandbox be able to start? On Ubuntu 24.04+ AppArmor refuses unprivileged
 * user namespaces to any program no profile allows them to (kernel.apparmor_restrict_unprivileged_userns = 1),
 * and node_modules/electron/dist/electron has no profile, so Chromium dies with a sandbox error. The fix is the
 * machine owner's to choose; this only finds exactly that case and says how, never turning the sandbox off.
 */

export const RESTRICT_USERNS_FILE = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';

export type SandboxFacts = {
  readonly platform: string;
  /** The sysctl file's content, or undefined where the kernel has no such setting. */
  readonly restrictUserns: string | undefined;
  /** A profile in /etc/apparmor.d attaches to the Electron binary and allows userns. */
  readonly profileCovers: boolean;
  /** chrome-sandbox beside it is setuid root: Chromium then sandboxes without user namespaces. */
  readonly setuidSandbox: boolean;
  readonly electronInstalled: boolean;
  readonly electronPath: string;
};

export type SandboxVerdict = { readonly start: true } | { readonly start: false; readonly message: string[] };

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a profile's text attaches to exactly `path` (quoted or not, with or without a profile name) and
 * grants userns. Glob attachments are not followed: a miss only means the message is shown.
 */
export const profileCoversPath = (profileText: string, path: string): boolean => {
  const text = profileText.replace(/#.*$/gm, '');
  const target = `(?:"${escapeRegExp(path)}"|${escapeRegExp(path)})`;
  const attachment = new RegExp(
    `(?:^|\\s)(?:profile\\s+\\S+\\s+)?${target}\\s+(?:flags\\s*=\\s*\\([^)]*\\)\\s*)?\\{`,
  );
  return attachment.test(text) && /(?:^|\s)userns\s*,/.test(text);
};

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** One command that writes and loads a profile for this Electron binary alone, named after its path. */
export const devProfileCommand = (electronPath: string): string => {
  const name = `pickup-kiosk-dev-${createHash('sha256').update(electronPath).digest('hex').slice(0, 8)}`;
  const lines = [
    'abi <abi/4.0>,',
    'include <tunables/global>',
    `profile ${name} "${electronPath}" flags=(unconfined) {`,
    '  userns,',
    '}',
  ];
  const file = `/etc/apparmor.d/${name}`;
  return `printf '%s\\n' ${lines.map(shellQuote).join(' ')} | sudo tee ${file} >/dev/null && sudo apparmor_parser -r ${file}`;
};

export const sandboxPreflight = (facts: SandboxFacts): SandboxVerdict => {
  const restricted = facts.platform === 'linux' && facts.restrictUserns?.trim() === '1';
  if (!restricted || !facts.electronInstalled || facts.profileCovers || facts.setuidSandbox)
    return { start: true };
  return {
    start: false,
    message: [
      'npm start: stopped before starting Electron: its sandbox cannot start on this machine.',
      'AppArmor restricts unprivileged user namespaces here (kernel.apparmor_restrict_unprivileged_userns = 1),',
      'and no profile in /etc/apparmor.d lets this binary create them:',
      `  ${facts.electronPath}`,
      'Allow that one binary, with a profile like the kiosk package installs (build/linux/apparmor-profile):',
      `  ${devProfileCommand(facts.electronPath)}`,
      'or lift the restriction for every program until the next reboot:',
      '  sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0',
      'Then run npm start again. The kiosk is never started with --no-sandbox.',
    ],
  };
};
