import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { app } from './app';
import { record } from './record';

/**
 * Electron's safeStorage on Linux: unavailable before `ready` (the backend reads 'unknown'), then backed by a
 * keyring. The stand-in's keyring is a key held by this process only (AES-256-GCM), so what it stores is real
 * ciphertext that a copied file cannot be read from; a restarted stand-in cannot read it either.
 */
const key = randomBytes(32);
export const safeStorage = {
  isEncryptionAvailable: (): boolean => app.isReady(),
  getSelectedStorageBackend: (): string => (app.isReady() ? 'gnome_libsecret' : 'unknown'),
  encryptString(plainText: string): Buffer {
    if (!app.isReady()) throw new Error('Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  },
  decryptString(encrypted: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(12, 28));
    try {
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  },
};

/** The application menu: the kiosk sets none; the stand-in records what it was given. */
let applicationMenu: unknown = 'electron-default-menu';
export const Menu = {
  setApplicationMenu(menu: unknown): void {
    applicationMenu = menu;
    record({ event: 'menu.set', menu: menu === null ? null : 'menu' });
  },
  getApplicationMenu: (): unknown => applicationMenu,
};

const blockers = new Set<number>();
let nextBlocker = 0;
export const powerSaveBlocker = {
  start(type: string): number {
    nextBlocker += 1;
    blockers.add(nextBlocker);
    record({ event: 'power-save-blocker.start', type });
    return nextBlocker;
  },
  stop(id: number): boolean {
    return blockers.delete(id);
  },
  isStarted: (id: number): boolean => blockers.has(id),
};
