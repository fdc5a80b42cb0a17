import { describe, expect, it } from 'vitest';
import { debCompression } from '../../../electron/build-tools/dpkg-deb';

describe('debCompression', () => {
  it('takes zstd where dpkg-deb lists it (Debian 12, Ubuntu 22.04+)', () => {
    const help = [
      '  -Z<type>                         Set the compression type used when building.',
      '                                     Allowed types: gzip, xz, zstd, none.',
    ].join('\n');
    expect(debCompression(help)).toBe('zstd');
  });

  it('falls back to xz on an older dpkg-deb, or when its help could not be read', () => {
    expect(debCompression('      Allowed types: gzip, xz, none.\n')).toBe('xz');
    expect(debCompression('')).toBe('xz');
  });
});
