import { describe, expect, it } from 'vitest';
import type { CredentialFs } from '../../../../electron/main/credentials/credential-files';
import { loadCodeKey } from '../../../../electron/main/credentials/code-key';
import { FakeSafeStorage } from '../../../fakes/fake-safe-storage';
import { MemoryLogger } from '../../../fakes/memory-logger';

const memoryFs = () => {
  const files = new Map<string, string>();
  const fs: CredentialFs = {
    readText: (path) => Promise.resolve(files.get(path)),
    writePrivate: (path, text) => {
      files.set(path, text);
      return Promise.resolve();
    },
    remove: (path) => {
      files.delete(path);
      return Promise.resolve();
    },
  };
  return { fs, files };
};

describe('the code-hash key', () => {
  it('is made once, kept encrypted, and the same on every start', async () => {
    const { fs, files } = memoryFs();
    const logger = new MemoryLogger();
    const deps = {
      safeStorage: new FakeSafeStorage(),
      backend: 'gnome_libsecret',
      file: '/u/code-key.enc.json',
      fs,
      logger,
    };
    const first = await loadCodeKey(deps);
    const again = await loadCodeKey(deps);
    expect(first.length).toBe(32);
    expect(again.equals(first)).toBe(true);
    const stored = files.get('/u/code-key.enc.json') ?? '';
    expect(stored).not.toContain(first.toString('base64'));
    expect(stored).not.toContain(first.toString('hex'));
    expect(logger.lines.map((l) => l.event)).toEqual(['code-key.created']);
    expect(logger.text()).not.toContain(first.toString('base64'));
  });

  it('is replaced, and says so, when the stored one can no longer be opened (another keyring)', async () => {
    const { fs } = memoryFs();
    const logger = new MemoryLogger();
    const file = '/u/code-key.enc.json';
    const first = await loadCodeKey({
      safeStorage: new FakeSafeStorage(),
      backend: 'gnome_libsecret',
      file,
      fs,
      logger,
    });
    const other = await loadCodeKey({
      safeStorage: new FakeSafeStorage('kwallet5', 0x21),
      backend: 'kwallet5',
      file,
      fs,
      logger,
    });
    expect(other.equals(first)).toBe(false);
    expect(logger.has('code-key.replaced')).toBe(true);
  });
});
