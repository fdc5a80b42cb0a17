import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileByteMatcher } from '../../../electron/build-tools/byte-matcher';

/** Every (pattern, end) pair, the slow and obvious way. */
const naive = (patterns: readonly Buffer[], text: Buffer): string[] => {
  const found: string[] = [];
  for (let end = 1; end <= text.length; end += 1)
    patterns.forEach((p, i) => {
      if (end >= p.length && text.subarray(end - p.length, end).equals(p)) found.push(`${i}@${end}`);
    });
  return found.sort();
};

const scanInPieces = (patterns: readonly Buffer[], text: Buffer, piece: number): string[] => {
  const matcher = compileByteMatcher(patterns);
  const found: string[] = [];
  let state = matcher.start;
  for (let at = 0; at < text.length; at += piece) {
    state = matcher.scan(text.subarray(at, at + piece), state, (i, end) => found.push(`${i}@${at + end}`));
  }
  return found.sort();
};

describe('compileByteMatcher', () => {
  it('finds overlapping patterns, patterns inside patterns, and matches split across chunks', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'e', 'abcab', 'bca'].map((p) => Buffer.from(p));
    const text = Buffer.from('ushers xabcabcab his she');
    expect(scanInPieces(patterns, text, 3)).toEqual(naive(patterns, text));
    expect(scanInPieces(patterns, text, 1)).toEqual(naive(patterns, text));
  });

  it('agrees with a naive search on random bytes, patterns and chunk sizes', () => {
    const bytes = (max: number) =>
      fc.uint8Array({ minLength: 1, maxLength: max, max: 3 }).map((a) => Buffer.from(a));
    fc.assert(
      fc.property(
        fc.array(bytes(4), { minLength: 1, maxLength: 6 }),
        bytes(60),
        fc.integer({ min: 1, max: 9 }),
        (patterns, text, piece) => {
          expect(scanInPieces(patterns, text, piece)).toEqual(naive(patterns, text));
        },
      ),
    );
  });

  it('refuses an empty pattern, which would match everywhere', () => {
    expect(() => compileByteMatcher([Buffer.alloc(0)])).toThrow(/empty pattern/);
  });
});
