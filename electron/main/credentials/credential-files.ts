import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the credential files live: both in the app's user-data folder, never in the package. */
export type CredentialPaths = {
  /** Plaintext, placed by the installer; deleted after import. */
  readonly provisioningFile: string;
  /** The OS-encrypted copy the app reads on every start. */
  readonly storeFile: string;
};

export const PROVISIONING_FILE = 'provisioning.json';
export const STORE_FILE = 'credentials.enc.json';

export const credentialPaths = (userDataDir: string): CredentialPaths => ({
  provisioningFile: join(userDataDir, PROVISIONING_FILE),
  storeFile: join(userDataDir, STORE_FILE),
});

/** The file operations the credential code uses; injectable so tests can make one of them fail. */
export type CredentialFs = {
  /** Resolves undefined when the file does not exist. */
  readText(path: string): Promise<string | undefined>;
  /** Replaces the file in one step (write a temporary file, then rename), readable by the owner only. */
  writePrivate(path: string, text: string): Promise<void>;
  remove(path: string): Promise<void>;
};

const isMissing = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT';

export const nodeCredentialFs: CredentialFs = {
  async readText(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  },
  async writePrivate(path, text) {
    const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, text, { mode: 0o600, flush: true });
    await rename(temp, path);
  },
  async remove(path) {
    await unlink(path);
  },
};
