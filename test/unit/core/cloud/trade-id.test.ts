import { describe, expect, it } from 'vitest';
import { isValidTradeId } from '../../../../electron/core/cloud/consume';
import { createTradeId } from '../../../../electron/core/cloud/trade-id';

describe('createTradeId', () => {
  const clock = { now: () => Date.UTC(2026, 0, 2, 3, 4, 5, 67) };

  it('is 24 digits: UTC time to the millisecond, then 7 random digits', () => {
    expect(createTradeId(clock, () => 0.1234567)).toBe('202601020304050671234567');
    expect(createTradeId(clock, () => 0)).toBe('202601020304050670000000');
  });

  it('stays 24 digits and valid for the vendor at the edges of the random source', () => {
    for (const r of [0, 0.5, 0.9999999999, 1, 2, -1]) {
      const id = createTradeId(clock, () => r);
      expect(id).toMatch(/^\d{24}$/);
      expect(isValidTradeId(id)).toBe(true);
    }
  });

  it('differs for different random draws in the same millisecond', () => {
    expect(createTradeId(clock, () => 0.1)).not.toBe(createTradeId(clock, () => 0.2));
  });
});
