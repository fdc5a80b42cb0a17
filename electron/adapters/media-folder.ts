import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMediaFileName } from '../core/media/media-name';
import type { MediaFolder, StoredPicture } from '../core/media/media-ports';

const TEMP_SUFFIX = '.part';

/**
 * The media folder under the kiosk's data folder. A picture is written to a temporary name and renamed into
 * place, so the protocol handler never serves half a file; leftovers of an interrupted write are removed when
 * the folder is listed.
 */
export const openMediaFolder = (dir: string): MediaFolder => ({
  list: async (): Promise<readonly StoredPicture[]> => {
    await mkdir(dir, { recursive: true });
    const stored: StoredPicture[] = [];
    for (const name of await readdir(dir)) {
      if (name.endsWith(TEMP_SUFFIX)) {
        await rm(join(dir, name), { force: true });
        continue;
      }
      if (!isMediaFileName(name)) continue;
      const info = await stat(join(dir, name));
      stored.push({ name, storedAtMs: info.mtimeMs });
    }
    return stored;
  },
  write: async (name: string, bytes: Uint8Array): Promise<void> => {
    if (!isMediaFileName(name)) throw new Error('bad media name');
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `${name}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    try {
      await writeFile(temp, bytes);
      await rename(temp, join(dir, name));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  },
  remove: async (name: string): Promise<void> => {
    if (!isMediaFileName(name)) return;
    await rm(join(dir, name), { force: true });
  },
});
