import { describe, expect, it } from 'vitest';
import {
  DEB_DEPENDS,
  debArchitecture,
  debControlText,
  debVersion,
  type DebControlFields,
} from '../../../electron/build-tools/deb-control';

const fields: DebControlFields = {
  package: 'pickup-kiosk',
  version: '0.1.0',
  architecture: 'amd64',
  maintainer: 'Pickup Kiosk <support@pickupkiosk.invalid>',
  installedSizeKiB: 8668.4,
  depends: ['libnss3', 'libgtk-3-0 | libgtk-3-0t64'],
  synopsis: 'Touchscreen pickup-code kiosk',
  description: ['First paragraph,\nsecond line.', '', 'Built for machine 12345678.'],
};

describe('debControlText', () => {
  it('writes one paragraph with the fields dpkg and apt need, the long description indented', () => {
    expect(debControlText(fields)).toEqual({
      ok: true,
      value: [
        'Package: pickup-kiosk',
        'Version: 0.1.0',
        'Architecture: amd64',
        'Maintainer: Pickup Kiosk <support@pickupkiosk.invalid>',
        'Installed-Size: 8669',
        'Depends: libnss3, libgtk-3-0 | libgtk-3-0t64',
        'Section: misc',
        'Priority: optional',
        'Description: Touchscreen pickup-code kiosk',
        ' First paragraph,',
        ' second line.',
        ' .',
        ' Built for machine 12345678.',
        '',
      ].join('\n'),
    });
  });

  it('leaves Depends out when there is none', () => {
    const text = debControlText({ ...fields, depends: [] });
    expect(text.ok && text.value).not.toContain('Depends:');
  });

  it.each<[string, Partial<DebControlFields>]>([
    ['a maintainer spanning lines', { maintainer: 'A\nVersion: 9' }],
    ['an empty synopsis', { synopsis: '' }],
    ['a package name with capitals', { package: 'Pickup-Kiosk' }],
  ])('refuses %s', (_case, change) => {
    expect(debControlText({ ...fields, ...change }).ok).toBe(false);
  });
});

describe('debVersion', () => {
  it.each([
    ['0.1.0', '0.1.0'],
    ['1.2.0-rc.1', '1.2.0~rc.1'],
    ['2.0.0+build.5', '2.0.0+build.5'],
  ])('%s becomes %s', (semver, debian) => {
    expect(debVersion(semver)).toEqual({ ok: true, value: debian });
  });

  it('refuses what Debian cannot order', () => {
    expect(debVersion('v1.0').ok).toBe(false);
    expect(debVersion('').ok).toBe(false);
  });
});

describe('architecture and dependencies', () => {
  it("maps electron-builder's names to Debian's", () => {
    expect([debArchitecture('x64'), debArchitecture('arm64'), debArchitecture('armv7l')]).toEqual([
      'amd64',
      'arm64',
      'armhf',
    ]);
  });

  it('names the libraries both before and after the t64 renames', () => {
    for (const name of ['libgtk-3-0', 'libatspi2.0-0', 'libasound2'])
      expect(DEB_DEPENDS).toContain(`${name} | ${name}t64`);
    expect(DEB_DEPENDS).toEqual(expect.arrayContaining(['libnss3', 'libgbm1', 'libsecret-1-0', 'xdg-utils']));
  });
});
