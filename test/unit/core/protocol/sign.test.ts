import { describe, expect, it } from 'vitest';
import { machineApiKey } from '../../../../electron/core/protocol/machine-api-key';
import { canonicalString, computeSign } from '../../../../electron/core/protocol/sign';

describe('computeSign: the vendor test vectors', () => {
  it.each([
    {
      key: 'abc',
      fields: { a: '123', b: '456', c: '789', timestamp: '1717899356' },
      hashed: 'a=123&b=456&c=789&timestamp=1717899356&key=abc',
      sign: '0C59AD369ED0E8F5AD06610EBBE6F263',
    },
    {
      key: 'EXAMPLEKEY',
      fields: { machine_no: '12345678', timestamp: '1714185061' },
      hashed: 'machine_no=12345678&timestamp=1714185061&key=EXAMPLEKEY',
      sign: '183022AD230011D2980947A233AD5A9E',
    },
    {
      key: 'EXAMPLEKEY',
      fields: {
        trade_id: '20240429000000000001',
        product_id: 131,
        notify_url: 'https://example.com/notify',
        method: 'event.consume.pickup_code',
        machine_no: '12345678',
        code: '12345678',
        timestamp: '1714353655',
      },
      hashed:
        'code=12345678&machine_no=12345678&method=event.consume.pickup_code&notify_url=https://example.com/notify&product_id=131&timestamp=1714353655&trade_id=20240429000000000001&key=EXAMPLEKEY',
      sign: 'D6A695D2D201E07CC3D390D78E11F39D',
    },
  ])('signs $hashed', ({ key, fields, hashed, sign }) => {
    const result = computeSign(fields, key);
    expect(result.hashed).toBe(hashed);
    expect(result.sign).toBe(sign);
    expect(result.redacted).toBe(hashed.replace(`&key=${key}`, '&key=***'));
    expect(result.redacted).not.toContain(key);
  });
});

describe('canonicalString', () => {
  it('drops "", null, undefined and "NULL" but keeps "0"', () => {
    expect(canonicalString({ a: '', b: null, c: undefined, d: 'NULL', e: '0', f: 0 })).toBe('e=0&f=0');
  });

  it('signs a number and its decimal text alike', () => {
    expect(computeSign({ x: 2 }, 'k').sign).toBe(computeSign({ x: '2' }, 'k').sign);
  });

  it('sorts by ASCII byte order: upper case before lower case, underscore between', () => {
    expect(canonicalString({ b: '1', B: '2', a_b: '3', aB: '4', a: '5' })).toBe('B=2&a=5&aB=4&a_b=3&b=1');
  });

  it('leaves values raw: no URL-encoding of URLs, spaces or non-ASCII text', () => {
    expect(canonicalString({ u: 'https://x.test/a?b=c&d=e', t: '2024-01-01 10:00:00', n: '取货' })).toBe(
      'n=取货&t=2024-01-01 10:00:00&u=https://x.test/a?b=c&d=e',
    );
  });

  it('never includes an existing sign field', () => {
    expect(canonicalString({ a: '1', sign: 'ABC' })).toBe('a=1');
  });

  it('still appends the key when every field is empty', () => {
    expect(computeSign({ a: '' }, 'K').hashed).toBe('key=K');
  });
});

describe('machineApiKey', () => {
  it('is lowercase hex MD5 of machine number and AppKey with no separator', () => {
    expect(machineApiKey('12345678', 'TESTKEY')).toBe('8f5a87613511dc1a04df565ce3dd2a6e');
  });
});
