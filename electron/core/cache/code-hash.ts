import { createHash, randomBytes } from 'node:crypto';
import type { KioskStore } from '../ports/store';

/**
 * Codes are kept only as salted SHA-256 hashes: a copied database reveals no redeemable code.
 * The salt is per installation, made once and kept in the store.
 */
export type CodeHasher = (code: string) => string;

export const loadCodeHasher = (store: KioskStore): CodeHasher => {
  let salt = store.getMeta('cache.salt');
  if (salt === null) {
    salt = randomBytes(16).toString('hex');
    store.setMeta('cache.salt', salt);
  }
  const fixedSalt = salt;
  return (code) => createHash('sha256').update(`${fixedSalt}:${code}`).digest('hex');
};
