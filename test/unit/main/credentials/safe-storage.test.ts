import type { SafeStorage } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  credentialStoreStatus,
  type SafeStorageLike,
} from '../../../../electron/main/credentials/safe-storage';
import { FakeSafeStorage } from '../../../fakes/fake-safe-storage';

describe('credentialStoreStatus', () => {
  it("accepts Electron's safeStorage as it is", () => {
    expectTypeOf<SafeStorage>().toExtend<SafeStorageLike>();
  });

  it.each([
    ['gnome_libsecret', false, 'ready'],
    ['kwallet5', false, 'ready'],
    ['basic_text', false, 'refused-weak'],
    ['basic_text', true, 'ready-weak'],
    ['unknown', true, 'unavailable'],
    [null, false, 'ready'],
  ] as const)('backend %s, allowWeakStore %s → %s', (backend, allowWeak, state) => {
    expect(credentialStoreStatus(new FakeSafeStorage(backend), allowWeak).state).toBe(state);
  });

  it('says in one line what the maintenance screen should show', () => {
    expect(credentialStoreStatus(new FakeSafeStorage('basic_text'), false)).toEqual({
      state: 'refused-weak',
      backend: 'basic_text',
      message: 'refused: no desktop keyring (basic_text); unlock a keyring or set secrets.allowWeakStore',
    });
    expect(credentialStoreStatus(new FakeSafeStorage(null), false)).toEqual({
      state: 'ready',
      backend: 'os',
      message: 'credentials are encrypted by the OS store (os)',
    });
  });

  it('is unavailable when the OS cannot encrypt', () => {
    const storage = Object.assign(new FakeSafeStorage(), { available: false });
    expect(credentialStoreStatus(storage, true).state).toBe('unavailable');
  });
});
