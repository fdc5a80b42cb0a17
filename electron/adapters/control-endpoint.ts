import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** Electron's `productName`: the user-data folder is `<appData>/Pickup Kiosk`. */
export const PRODUCT_FOLDER = 'Pickup Kiosk';

/** The socket lives in a folder of its own, 0700, so no other account can even reach the socket file. */
export const CONTROL_DIR = 'control';
export const CONTROL_SOCKET = 'kiosk.sock';

/**
 * Where the running kiosk listens for `kioskctl kiosk …`: a Unix domain socket in its user-data folder, or on
 * Windows a named pipe whose name is derived from that folder (pipes live in their own namespace), so each
 * user-data folder, and so each OS account running a kiosk, has its own.
 */
export const controlEndpoint = (
  userDataDir: string,
  platform: NodeJS.Platform = process.platform,
): string => {
  if (platform !== 'win32') return join(userDataDir, CONTROL_DIR, CONTROL_SOCKET);
  const digest = createHash('sha256').update(userDataDir.toLowerCase()).digest('hex').slice(0, 16);
  return `\\\\.\\pipe\\pickup-kiosk-control-${digest}`;
};

export const isNamedPipe = (endpoint: string): boolean => endpoint.startsWith('\\\\.\\pipe\\');

/** Electron's `app.getPath('userData')` for this OS account, for kioskctl, which has no Electron to ask. */
export const defaultUserDataDir = (
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string => {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_FOLDER);
  const config = env.XDG_CONFIG_HOME;
  return join(config !== undefined && config !== '' ? config : join(home, '.config'), PRODUCT_FOLDER);
};
