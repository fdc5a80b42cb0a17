import { join } from 'node:path';

/**
 * Where an installer may put a corrected machine configuration on site: a folder only an administrator can write
 * (the kiosk user can read it). Never the user-data folder, which the kiosk user owns: a customer who escaped
 * the app could otherwise rewrite the cloud URL, the throttle or the PIN hash.
 */
export const siteOverrideDir = (
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string =>
  platform === 'win32'
    ? join(env.ProgramData ?? 'C:\\ProgramData', 'Pickup Kiosk')
    : platform === 'darwin'
      ? '/Library/Application Support/Pickup Kiosk'
      : '/etc/pickup-kiosk';
