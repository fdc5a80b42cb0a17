import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createContentScanner, type ContentSource } from '../../../electron/build-tools/content-scan';
import {
  base64Cores,
  credentialNeedles,
  KEY_MATERIAL_NEEDLES,
  MIN_SEARCHED_LENGTH,
} from '../../../electron/build-tools/package-needles';

const source = (text: string | Buffer, path = 'resources/x'): ContentSource => {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return {
    path,
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)),
  };
};

/** Quote and backslash for the JSON spelling; `>>>` and `???` put `+` and `/` into the base64 spellings. */
const secret = { label: 'AppSecret of machine 12345678 (line 2)', value: 'k"9\\Zq>>>???wP3xY7' };
const scan = (text: string | Buffer) =>
  createContentScanner([...credentialNeedles([secret]).needles, ...KEY_MATERIAL_NEEDLES]).scan(source(text));

describe('base64Cores', () => {
  it('finds the value inside base64 text whatever its position in a 3-byte group', () => {
    const value = Buffer.from('credential-value');
    const cores = base64Cores(value);
    for (const prefix of ['', 'a', 'ab', 'abc', 'abcd']) {
      const encoded = Buffer.from(`${prefix}${value.toString()}tail`).toString('base64');
      expect(cores.some((core) => encoded.includes(core))).toBe(true);
    }
  });
});

describe('credentialNeedles', () => {
  it('skips values too short to search for, by label', () => {
    const { needles, unsearched } = credentialNeedles([
      { label: '$KIOSK_APPID', value: 'x'.repeat(MIN_SEARCHED_LENGTH - 1) },
      { label: '$KIOSK_APPKEY', value: 'y'.repeat(MIN_SEARCHED_LENGTH) },
    ]);
    expect(unsearched).toEqual(['$KIOSK_APPID']);
    expect(new Set(needles.map((n) => (n.kind === 'credential' ? n.label : '')))).toEqual(
      new Set(['$KIOSK_APPKEY']),
    );
  });
});

describe('the content check', () => {
  it.each([
    ['as text', `prefix ${secret.value} suffix`],
    ['JSON-escaped', JSON.stringify({ appSecret: secret.value })],
    ['base64', Buffer.from(`{"appSecret":"${secret.value}"}`).toString('base64')],
    ['base64url', Buffer.from(`xyz${secret.value}`).toString('base64url')],
  ])('finds a credential %s, naming it by label only', async (spelling, text) => {
    const found = await scan(text);
    expect(found).toEqual([`resources/x: contains the ${secret.label} (${spelling})`]);
    expect(found.join('')).not.toContain(secret.value);
  });

  it('finds a credential that straddles two 4 MiB chunks', async () => {
    const big = Buffer.concat([Buffer.alloc(4 * 1024 * 1024 - 5, 0x20), Buffer.from(secret.value)]);
    expect(await scan(big)).toEqual([`resources/x: contains the ${secret.label} (as text)`]);
  });

  it('finds a PEM private key, in a file or inside a string literal, and an encrypted one', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const rsaStyle = pem.replace(/PRIVATE KEY/g, 'EC PRIVATE KEY');
    const encrypted = rsaStyle.replace(
      '-----\n',
      '-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n',
    );
    for (const text of [pem, `const key = ${JSON.stringify(pem)};`, rsaStyle, encrypted])
      expect(await scan(text)).toEqual(['resources/x: contains a PEM private key']);
  });

  it('does not take code that only names a PEM header or the provisioning kind for key material', async () => {
    const code = [
      'const HEADER = "-----BEGIN PRIVATE KEY-----";',
      'if (text.startsWith("-----BEGIN RSA PRIVATE KEY-----")) parse(text);',
      'var PROVISIONING_KIND = "pickup-kiosk-provisioning";',
      'kind: z.literal(PROVISIONING_KIND), other: "pickup-kiosk-provisioning"',
    ].join('\n');
    expect(await scan(code)).toEqual([]);
  });

  it('finds the provisioning marker as written, and escaped inside another string', async () => {
    for (const text of [
      '{\n  "kind": "pickup-kiosk-provisioning",\n  "version": 1\n}',
      JSON.stringify({ file: '{"kind":"pickup-kiosk-provisioning"}' }),
      JSON.stringify(JSON.stringify({ file: '{"kind":"pickup-kiosk-provisioning"}' })),
    ])
      expect(await scan(text)).toEqual([
        `resources/x: contains a provisioning file's "kind": "pickup-kiosk-provisioning"`,
      ]);
  });
});
