import { describe, expect, it } from 'vitest';
import {
  isExcludedCredentialFileName,
  suspiciousFileName,
  withoutBackupSuffixes,
} from '../../../electron/build-tools/credential-names';
import { CREDENTIAL_FILE_PATTERNS } from '../../../build/electron-builder.config';

describe('suspiciousFileName', () => {
  it.each([
    // The three an audit found in a package, which the old name check let through.
    ['creds.json', 'a credential file'],
    ['appsecret.txt', 'a secret'],
    ['87654321.provision.json.bak', 'a copy of a provisioning file'],
    ['12345678.provision.json', 'a provisioning file'],
    ['provisioning.json~', 'a copy of a provisioning file'],
    ['#provisioning.json#', 'a copy of a provisioning file'],
    ['.provisioning.json.swp', 'a copy of a provisioning file'],
    ['credentials.enc.json', 'a credential store'],
    ['my-creds.txt', 'a credential file'],
    ['cred', 'a credential file'],
    ['vendor_credentials.yaml', 'a credential file'],
    ['.env', 'an environment file'],
    ['.env.production', 'an environment file'],
    ['kiosk.env.old', 'a copy of an environment file'],
    ['client.pem', 'key material'],
    ['server.key', 'key material'],
    ['store.p12', 'key material'],
    ['store.PFX', 'key material'],
    ['id_ed25519', 'an SSH key'],
    ['.netrc', 'a password file'],
    ['passwords.csv', 'a secret'],
    ['api_key.txt', 'a secret'],
    ['AppKey', 'a secret'],
    ['secret.pem.1', 'a copy of key material'],
  ])('%s looks like %s', (name, what) => {
    expect(suspiciousFileName(name)).toMatch(new RegExp(`looks like ${what.replace(/\./g, '\\.')}$`));
  });

  it.each([
    'machine.json',
    'package.json',
    'index.js',
    'credit-card.test.ts',
    'incredible.txt',
    'secret-box.js',
    'credentials.d.ts',
    'client-secret.mjs',
    'password-input.css',
    'environment.js',
    'LICENSE',
    'keyboard.png',
    'tokenizer.json',
    'libffmpeg.so',
    'v8_context_snapshot.bin',
    'app.asar',
  ])('%s is an ordinary name', (name) => {
    expect(suspiciousFileName(name)).toBeUndefined();
  });
});

describe('withoutBackupSuffixes', () => {
  it('strips any number of copy suffixes', () => {
    expect(withoutBackupSuffixes('a.provision.json.bak.orig~')).toBe('a.provision.json');
    expect(withoutBackupSuffixes('plain.txt')).toBe('plain.txt');
  });
});

describe('isExcludedCredentialFileName', () => {
  it('names exactly what CREDENTIAL_FILE_PATTERNS leaves out of a package', () => {
    expect(CREDENTIAL_FILE_PATTERNS).toEqual([
      '**/*.provision.json',
      '**/provisioning*.json',
      '**/credentials*.json',
      '**/.env',
      '**/.env.*',
      '**/*.env',
    ]);
    expect(
      ['a.provision.json', 'provisioning-x.json', 'credentials.enc.json', '.env', '.env.x', 'a.env'].every(
        isExcludedCredentialFileName,
      ),
    ).toBe(true);
    expect(['appsecret.txt', 'creds.json', 'a.provision.json.bak'].some(isExcludedCredentialFileName)).toBe(
      false,
    );
  });
});
