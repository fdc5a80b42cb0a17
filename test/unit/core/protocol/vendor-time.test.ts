import { describe, expect, it } from 'vitest';
import { formatVendorTime, parseVendorTime } from '../../../../electron/core/protocol/vendor-time';

describe('vendor wall-clock time (UTC+8)', () => {
  it('formats epoch ms in China Standard Time', () => {
    expect(formatVendorTime(Date.UTC(2024, 3, 27, 6, 0, 8))).toBe('2024-04-27 14:00:08');
    expect(formatVendorTime(Date.UTC(2024, 11, 31, 16, 30, 0))).toBe('2025-01-01 00:30:00');
  });

  it('parses the same text back, whatever the process time zone', () => {
    expect(parseVendorTime('2024-04-27 14:00:08')).toBe(Date.UTC(2024, 3, 27, 6, 0, 8));
    expect(parseVendorTime(' 2024-04-28T14:00:08 ')).toBe(Date.UTC(2024, 3, 28, 6, 0, 8));
    const now = Date.UTC(2026, 5, 1, 23, 59, 59);
    expect(parseVendorTime(formatVendorTime(now))).toBe(now);
  });

  it.each([
    '',
    '2024-04-27',
    '2024-02-30 10:00:00',
    '2024-04-27 24:00:00',
    '2024-04-27 10:60:00',
    'yesterday',
  ])('refuses %j', (text) => {
    expect(parseVendorTime(text)).toBeNull();
  });
});
