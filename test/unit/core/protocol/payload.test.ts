import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload } from '../../../../electron/core/protocol/payload';
import { computeSign } from '../../../../electron/core/protocol/sign';

const decodeBody = (body: string): Record<string, unknown> => {
  const { payload } = JSON.parse(body) as { payload: string };
  return JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Record<string, unknown>;
};

describe('encodePayload', () => {
  it('sends every field as a string, adds the timestamp in seconds, and a sign over exactly that', () => {
    const encoded = encodePayload(
      { machine_no: '12345678', product_id: 131, page: 1 },
      'TESTKEY',
      1_714_185_061.9,
    );
    const sent = decodeBody(encoded.body);
    expect(sent).toEqual({
      machine_no: '12345678',
      product_id: '131',
      page: '1',
      timestamp: '1714185061',
      sign: computeSign(
        { machine_no: '12345678', product_id: '131', page: '1', timestamp: '1714185061' },
        'TESTKEY',
      ).sign,
    });
    expect(encoded.fields).toEqual(sent);
  });

  it('reproduces the second documented vector on the wire', () => {
    const sent = decodeBody(encodePayload({ machine_no: '12345678' }, 'EXAMPLEKEY', 1_714_185_061).body);
    expect(sent.sign).toBe('183022AD230011D2980947A233AD5A9E');
  });

  it('leaves empty fields out of the JSON as well as the signature, and ignores a caller-supplied sign', () => {
    const encoded = encodePayload({ a: '', b: null, c: 'NULL', d: '0', sign: 'X', timestamp: '5' }, 'K', 10);
    expect(Object.keys(decodeBody(encoded.body)).sort()).toEqual(['d', 'sign', 'timestamp']);
    expect(encoded.fields.timestamp).toBe('10');
  });

  it('uses standard base64 with padding, and a redacted signing string without the key', () => {
    const encoded = encodePayload({ x: 'é' }, 'SECRETKEY', 1);
    const { payload } = JSON.parse(encoded.body) as { payload: string };
    expect(payload).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(payload.length % 4).toBe(0);
    expect(encoded.redacted).toBe('timestamp=1&x=é&key=***');
    expect(encoded.body).not.toContain('SECRETKEY');
  });
});

describe('decodePayload', () => {
  const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

  it('round-trips what encodePayload sent, numbers normalised to text', () => {
    const { payload } = JSON.parse(encodePayload({ n: 7 }, 'K', 3).body) as { payload: string };
    const decoded = decodePayload(payload);
    expect(decoded.ok && decoded.fields.n).toBe('7');
    expect(decodePayload(b64('{"a":1,"b":"x","c":null}'))).toEqual({ ok: true, fields: { a: '1', b: 'x' } });
  });

  it.each([
    ['not base64', 'not base64!', 'payload is not standard base64'],
    [
      'URL-safe alphabet',
      b64('{"a":"??>"}').replace(/\+/g, '-').replace(/\//g, '_'),
      'payload is not standard base64',
    ],
    ['not JSON', b64('hello'), 'payload does not decode to JSON'],
    ['an array', b64('[1,2]'), 'payload is not a JSON object'],
    ['a nested object', b64('{"a":{"b":1}}'), 'payload field "a" is not a string'],
  ])('refuses %s', (_name, payload, reason) => {
    expect(decodePayload(payload)).toEqual({ ok: false, error: { reason } });
  });
});
