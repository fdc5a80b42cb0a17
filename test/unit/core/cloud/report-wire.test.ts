import { describe, expect, it } from 'vitest';
import { multiplyPrice } from '../../../../electron/core/cloud/report-wire';

describe('multiplyPrice', () => {
  it.each([
    ['3.50', 3, '10.50'],
    ['0.10', 3, '0.30'],
    ['19.90', 1, '19.90'],
    ['0.01', 0, '0.00'],
    ['5', 2, '10'],
    ['0.333', 3, '0.999'],
    ['99999999999.99', 3, '299999999999.97'],
  ])('%s × %i = %s, exactly', (price, qty, amount) => {
    expect(multiplyPrice(price, qty)).toBe(amount);
  });

  it('does not guess at a price that is not decimal text', () => {
    expect(multiplyPrice('abc', 2)).toBe('0.00');
    expect(multiplyPrice('-1.00', 2)).toBe('0.00');
  });
});
