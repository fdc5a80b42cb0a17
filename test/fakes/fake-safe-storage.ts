import type { SafeStorageLike } from '../../electron/main/credentials/safe-storage';

/**
 * Stands in for Electron's safeStorage. "Encryption" is a reversible XOR with a per-keyring byte, enough to
 * prove that stored bytes are not the plaintext and that a different keyring cannot read them.
 */
export class FakeSafeStorage implements SafeStorageLike {
  available = true;
  failDecrypt = false;
  readonly encrypted: Buffer[] = [];

  constructor(
    /** null: no backend method at all, as on Windows and macOS. */
    public backend: string | null = 'gnome_libsecret',
    private readonly keyByte = 0x5a,
  ) {}

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  encryptString(plainText: string): Buffer {
    const out = Buffer.from(Buffer.from(plainText, 'utf8').map((b) => b ^ this.keyByte));
    this.encrypted.push(out);
    return out;
  }

  decryptString(encrypted: Buffer): string {
    if (this.failDecrypt)
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(encrypted.map((b) => b ^ this.keyByte)).toString('utf8');
  }

  get getSelectedStorageBackend(): (() => string) | undefined {
    const backend = this.backend;
    return backend === null ? undefined : () => backend;
  }
}
