/**
 * Which keyring Chromium (and so safeStorage) uses on Linux. Chromium picks it from the desktop it finds
 * (XDG_CURRENT_DESKTOP); in a locked-down kiosk session (cage, no desktop at all) it finds none and falls back to
 * `basic_text`, a fixed public key, which the kiosk refuses for its credentials. So the kiosk asks for the Secret
 * Service (gnome-keyring) explicitly, unless the command line already chose a store. Other platforms have one
 * OS store and no choice to make.
 */
export const passwordStoreSwitch = (platform: NodeJS.Platform, argv: readonly string[]): string | null => {
  if (platform !== 'linux') return null;
  if (argv.some((a) => a === '--password-store' || a.startsWith('--password-store='))) return null;
  return 'gnome-libsecret';
};
