import { describe, expect, it } from 'vitest';
import { codeBoxCount, EXPECTED_CODE_LENGTH, missingDigits } from '../../../renderer/src/flow/code-length';

describe('code length on the entry screen', () => {
  it('expects the vendor’s 8-digit codes', () => {
    expect(EXPECTED_CODE_LENGTH).toBe(8);
  });

  it.each([
    [0, 8],
    [8, 8],
    [9, 9],
    [10, 10],
    [12, 10],
  ])('draws %i typed digits in %i boxes', (typed, boxes) => {
    expect(codeBoxCount(typed)).toBe(boxes);
  });

  it('follows another expected length, within the contract’s maximum', () => {
    expect(codeBoxCount(0, 6)).toBe(6);
    expect(codeBoxCount(7, 6)).toBe(7);
    expect(codeBoxCount(0, 12)).toBe(10);
  });

  it.each([
    [0, 6],
    [4, 2],
    [5, 1],
    [6, 0],
    [10, 0],
  ])('after %i digits, %i are still missing before submit', (typed, missing) => {
    expect(missingDigits(typed)).toBe(missing);
  });
});
