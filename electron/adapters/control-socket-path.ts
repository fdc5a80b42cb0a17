import { chmodSync, lstatSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname } from 'node:path';

const FOLDER_MODE = 0o700;

const code = (e: unknown): string | undefined =>
  e instanceof Error && 'code' in e ? (e as NodeJS.ErrnoException).code : undefined;

/** Whether something answers on an existing socket file: a second kiosk must not take the first one's channel. */
const answers = (path: string): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => {
      resolve(false);
    });
  });

/**
 * The folder is made 0700 before the socket exists and the socket is 0600 once it does, so only the kiosk's
 * own OS account can connect: that, not a PIN, is the channel's gate. A socket file left by a crash is removed;
 * one something still answers on, or a path that is not a socket, is left alone and the channel stays shut.
 */
export const prepareSocketPath = async (path: string): Promise<void> => {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
  const owner = statSync(folder).uid;
  if (process.getuid !== undefined && owner !== process.getuid())
    throw new Error(`${folder} belongs to another user`);
  chmodSync(folder, FOLDER_MODE);
  let existing;
  try {
    existing = lstatSync(path);
  } catch (e) {
    if (code(e) === 'ENOENT') return;
    throw e;
  }
  if (!existing.isSocket()) throw new Error(`${path} exists and is not a socket`);
  if (await answers(path)) throw new Error(`another process answers on ${path}`);
  unlinkSync(path);
};
