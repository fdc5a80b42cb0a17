import { createHmac } from 'node:crypto';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';

/**
 * Codes are kept only as keyed hashes (HMAC-SHA256). The key lives in the OS-encrypted store, never beside the
 * hashes, so a copied database yields no code: an 8-digit code space is searched in minutes against a salted
 * hash whose salt is in the same file, but not at all without the key.
 */
export type CodeHasher = (code: string) => string;

const SCHEME = 'hmac-sha256-v1';

/** Names the key without revealing it, so the store can tell its hashes were made under another key. */
const fingerprint = (key: Uint8Array): string =>
  createHmac('sha256', key).update('pickup-kiosk/code-key-fingerprint').digest('hex').slice(0, 16);

/**
 * The hasher for this key. When the store's hashes were made otherwise (the salted SHA-256 of earlier versions,
 * or another key after the encrypted store was replaced), they are re-made first: see KioskStore.rekeyCodes.
 */
export const loadCodeHasher = (store: KioskStore, key: Uint8Array, logger: Logger): CodeHasher => {
  if (key.length < 32) throw new Error('the code key must be at least 32 bytes');
  const hash: CodeHasher = (code) => createHmac('sha256', key).update(code).digest('hex');
  const scheme = `${SCHEME}:${fingerprint(key)}`;
  if (store.getMeta('cache.scheme') !== scheme) {
    const previous =
      store.getMeta('cache.scheme') ?? (store.getMeta('cache.salt') === null ? 'none' : 'salted-sha256');
    const counts = store.transaction(() => {
      const done = store.rekeyCodes(hash);
      store.setMeta('cache.scheme', scheme);
      return done;
    });
    if (previous !== 'none')
      logger.warn('cache.rekeyed', { from: previous.split(':')[0] ?? previous, ...counts });
  }
  return hash;
};
