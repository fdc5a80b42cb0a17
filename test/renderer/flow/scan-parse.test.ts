import { describe, expect, it } from 'vitest';
import { parseScan } from '../../../renderer/src/flow/scan-parse';

describe('what a scan holds', () => {
  it.each([
    ['a link with a code parameter', 'https://x.example/p?code=93881067', '93881067'],
    [
      'a link with other parameters around it',
      'https://x.example/pick?shop=7&code=93881067&lang=en',
      '93881067',
    ],
    ['plain digits', '93881067', '93881067'],
    ['digits with a trailing CR/LF', '93881067\r\n', '93881067'],
    ['a prefix', 'PICKUP:93881067', '93881067'],
    ['a prefix with short numbers beside the code', 'SHOP 12 CODE 93881067', '93881067'],
    ['letters and digits, as the contract allows', 'A1B2C3D4', 'A1B2C3D4'],
    ['the shortest code', '123456', '123456'],
    ['the longest code', '1234567890', '1234567890'],
  ])('reads %s', (_name, raw, code) => {
    expect(parseScan(raw)).toEqual({ kind: 'code', code });
  });

  it.each([
    ['an EAN-13 product barcode', '6901234567892'],
    ['a link without a code', 'https://x.example/p?id=93881067'],
    ['a link whose code is too long', 'https://x.example/p?code=123456789012'],
    ['a link that is not a URL', 'https://'],
    ['two codes', '12345678 87654321'],
    ['a code too short', '12345'],
    ['garbage', '%%%!!!'],
    ['nothing', '\r\n'],
    ['words only', 'HELLO WORLD'],
  ])('refuses %s', (_name, raw) => {
    expect(parseScan(raw)).toEqual({ kind: 'unreadable' });
  });
});
