/**
 * The part of Electron's `safeStorage` the credential code needs, so it runs and is tested without Electron.
 * Electron's `safeStorage` object satisfies it as is. Call only after the app's `ready` event: before it,
 * Linux reports the backend as 'unknown'.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring encrypts. Absent on Windows and macOS, where the OS store is always used. */
  getSelectedStorageBackend?(): string;
}

export type CredentialStoreStatus = {
  /** ready: OS keyring; ready-weak: plaintext backend, allowed by config; refused-weak / unavailable: no credentials. */
  readonly state: 'ready' | 'ready-weak' | 'refused-weak' | 'unavailable';
  /** e.g. gnome_libsecret, kwallet5, basic_text, or "os" on Windows/macOS. */
  readonly backend: string;
  /** One line for the maintenance screen and the log. */
  readonly message: string;
};

/** Electron's name for Chromium's fallback that stores secrets under a fixed, public key: obfuscation, not encryption. */
export const WEAK_BACKEND = 'basic_text';

/** What the OS store offers right now, judged against the configuration's `secrets.allowWeakStore`. */
export const credentialStoreStatus = (
  safeStorage: SafeStorageLike,
  allowWeakStore: boolean,
): CredentialStoreStatus => {
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'os';
  if (!safeStorage.isEncryptionAvailable()) {
    return { state: 'unavailable', backend, message: 'the OS offers no encrypted storage for credentials' };
  }
  if (backend === 'unknown') {
    return {
      state: 'unavailable',
      backend,
      message: 'the credential store was asked before the app was ready',
    };
  }
  if (backend !== WEAK_BACKEND) {
    return { state: 'ready', backend, message: `credentials are encrypted by the OS store (${backend})` };
  }
  return allowWeakStore
    ? {
        state: 'ready-weak',
        backend,
        message: 'WEAK: no desktop keyring, credentials are only obfuscated (secrets.allowWeakStore is on)',
      }
    : {
        state: 'refused-weak',
        backend,
        message: 'refused: no desktop keyring (basic_text); unlock a keyring or set secrets.allowWeakStore',
      };
};
