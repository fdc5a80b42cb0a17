import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StateCell } from '../../core/throttle/state-cell';

/** In the user-data folder, beside the journal; the out-of-service shell and the running kiosk share it. */
export const PIN_STATE_FILE = 'maintenance-pin-state.json';

export const pinStatePath = (userDataDir: string): string => join(userDataDir, PIN_STATE_FILE);

const isMissing = (e: unknown): boolean =>
  e instanceof Error && 'code' in e && (e as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The wrong-PIN state as a small file, readable only by the kiosk user (0600). Written whole to a temporary
 * file, flushed, then renamed over the old one, so a power cut leaves either the old state or the new one,
 * never half of either. A missing file is a first start; any other read error throws (the caller fails closed).
 */
export const fileCell = (path: string): StateCell => ({
  read() {
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  },
  write(value) {
    const temporary = `${path}.tmp`;
    const fd = openSync(temporary, 'w', 0o600);
    try {
      // A leftover temporary file keeps its old mode on open: set it again before anything is written.
      fchmodSync(fd, 0o600);
      writeSync(fd, value);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    syncFolder(dirname(path));
  },
});

/** Makes the rename itself durable where the OS allows it (POSIX; Windows cannot open a folder this way). */
const syncFolder = (folder: string): void => {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};
