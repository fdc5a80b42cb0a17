import { constants } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Whether the user this process runs as could change a file: open it for writing (without writing), or create a
 * file beside it (which is what replacing it takes). Asked of the OS by trying, so file modes, owners, ACLs on
 * Windows and read-only mounts are all honoured and a symlink is judged by what it points at. Answers why it is
 * writable, or null when it is not. Nothing is ever written to the file itself.
 */
export const writableHere = async (file: string): Promise<string | null> => {
  try {
    const handle = await open(file, constants.O_WRONLY);
    await handle.close();
    return 'the file is writable by the user the kiosk runs as';
  } catch {
    // Not writable (or gone): check the folder next.
  }
  const probe = join(dirname(file), `.pickup-kiosk-probe-${randomBytes(6).toString('hex')}`);
  try {
    const handle = await open(probe, 'wx');
    await handle.close();
    await rm(probe, { force: true });
    return 'its folder is writable by the user the kiosk runs as';
  } catch {
    return null;
  }
};
