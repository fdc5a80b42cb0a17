import { describe, expect, it } from 'vitest';
import { debContentProblems, parseDebListing } from '../../../electron/build-tools/deb-contents';

const listing = [
  'drwxr-xr-x root/root         0 2026-12-01 23:50 ./',
  'drwxr-xr-x root/root         0 2026-12-01 23:50 ./opt/Pickup Kiosk/',
  '-rwxr-xr-x root/root       124 2026-12-01 23:50 ./opt/Pickup Kiosk/pickup-kiosk',
  '-rw-r--r-- root/root      1081 2026-12-01 23:50 ./opt/Pickup Kiosk/resources/machine.json',
  'lrwxrwxrwx root/root         0 2026-12-01 23:50 ./usr/bin/pickup-kiosk -> /opt/Pickup Kiosk/pickup-kiosk',
  '',
].join('\n');

describe('parseDebListing', () => {
  it('reads paths with spaces, folder slashes and link targets', () => {
    expect(parseDebListing(listing)).toEqual([
      { path: 'opt/Pickup Kiosk', type: 'dir', permissions: 'drwxr-xr-x', owner: 'root/root' },
      { path: 'opt/Pickup Kiosk/pickup-kiosk', type: 'file', permissions: '-rwxr-xr-x', owner: 'root/root' },
      {
        path: 'opt/Pickup Kiosk/resources/machine.json',
        type: 'file',
        permissions: '-rw-r--r--',
        owner: 'root/root',
      },
      {
        path: 'usr/bin/pickup-kiosk',
        type: 'link',
        permissions: 'lrwxrwxrwx',
        owner: 'root/root',
        linkTarget: '/opt/Pickup Kiosk/pickup-kiosk',
      },
    ]);
  });
});

describe('debContentProblems', () => {
  const entries = parseDebListing(listing);

  it('accepts a package with everything required, all root-owned, no credential file', () => {
    expect(debContentProblems(entries, ['opt/Pickup Kiosk/pickup-kiosk'])).toEqual([]);
  });

  it('names what is missing, what is not root-owned and every credential file', () => {
    const bad = parseDebListing(
      [
        listing,
        '-rw------- kiosk/kiosk 90 2026-12-01 23:50 ./opt/Pickup Kiosk/resources/provisioning.json',
        '-rw-r--r-- root/root 90 2026-12-01 23:50 ./opt/Pickup Kiosk/resources/12345678.provision.json',
      ].join('\n'),
    );
    expect(debContentProblems(bad, ['opt/Pickup Kiosk/resources/app.asar'])).toEqual([
      'the package has no /opt/Pickup Kiosk/resources/app.asar',
      '/opt/Pickup Kiosk/resources/provisioning.json in the package is owned by kiosk/kiosk, not root/root',
      'secret inside the package: /opt/Pickup Kiosk/resources/provisioning.json: its name looks like a provisioning file',
      'secret inside the package: /opt/Pickup Kiosk/resources/12345678.provision.json: its name looks like a provisioning file',
    ]);
  });

  it('finds the names the unpacked build is checked for, copies included, and not folders', () => {
    const more = parseDebListing(
      [
        listing,
        '-rw-r--r-- root/root 90 2026-12-01 23:50 ./opt/Pickup Kiosk/resources/87654321.provision.json.bak',
        '-rw-r--r-- root/root 90 2026-12-01 23:50 ./opt/Pickup Kiosk/resources/creds.json',
        '-rw-r--r-- root/root 90 2026-12-01 23:50 ./opt/Pickup Kiosk/kiosk.pem',
        'drwxr-xr-x root/root 0 2026-12-01 23:50 ./opt/Pickup Kiosk/secrets/',
      ].join('\n'),
    );
    expect(debContentProblems(more, [])).toEqual([
      'secret inside the package: /opt/Pickup Kiosk/resources/87654321.provision.json.bak: its name looks like a copy of a provisioning file',
      'secret inside the package: /opt/Pickup Kiosk/resources/creds.json: its name looks like a credential file',
      'secret inside the package: /opt/Pickup Kiosk/kiosk.pem: its name looks like key material',
    ]);
  });

  it('refuses an empty listing', () => {
    expect(debContentProblems([], [])).toEqual(['the package lists no files']);
  });
});
