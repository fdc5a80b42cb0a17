import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  REDACTED,
  redactValue,
  secretSpellings,
  SUBSTRING_MIN_LENGTH,
} from '../../../electron/adapters/log-redaction';

describe('createRedactor', () => {
  it('replaces every occurrence of a secret of 4 characters or more', () => {
    const redact = createRedactor(['abcd']);
    expect(SUBSTRING_MIN_LENGTH).toBe(4);
    expect(redact('abcd-xabcdx-abcd')).toBe(`${REDACTED}-x${REDACTED}x-${REDACTED}`);
  });

  it('replaces a secret of 1 to 3 characters only where it is the whole value', () => {
    const redact = createRedactor(['x', 'ab', 'a"c']);
    expect(['x', 'ab', 'a"c', 'a\\"c', 'xx', 'cab', 'ab '].map(redact)).toEqual([
      REDACTED,
      REDACTED,
      REDACTED,
      REDACTED,
      'xx',
      'cab',
      'ab ',
    ]);
  });

  it('ignores an empty secret and leaves text alone when it has none', () => {
    expect(createRedactor(['', 'zzzz'])('plain text')).toBe('plain text');
    expect(createRedactor([])('')).toBe('');
  });

  it('prefers the longest match at a position and never re-reads the marker', () => {
    const redact = createRedactor(['secret', 'secret-key', 'dacted]']);
    expect(redact('a secret-key here')).toBe(`a ${REDACTED} here`);
    expect(redact('secretsecret')).toBe(`${REDACTED}${REDACTED}`);
  });

  it('finds the JSON-escaped, \\u-escaped and URL-encoded spellings', () => {
    const secret = 'q"\\é/ 1';
    expect(secretSpellings(secret)).toEqual([
      secret,
      'q\\"\\\\é/ 1',
      'q\\"\\\\\\u00e9/ 1',
      'q%22%5C%C3%A9%2F%201',
    ]);
    const redact = createRedactor([secret]);
    for (const spelling of secretSpellings(secret)) expect(redact(`<${spelling}>`)).toBe(`<${REDACTED}>`);
  });

  it('copes with a lone surrogate, which has no URL spelling', () => {
    expect(createRedactor(['ab\ud800cd'])('xab\ud800cdx')).toBe(`x${REDACTED}x`);
  });
});

describe('redactValue', () => {
  const redact = createRedactor(['2026', 'no']);
  it.each([
    [null, null],
    ['in 2026', `in ${REDACTED}`],
    [120260, REDACTED],
    [2025, 2025],
    [false, false],
  ])('%j becomes %j', (value, expected) => {
    expect(redactValue(value, redact)).toBe(expected);
  });
});
