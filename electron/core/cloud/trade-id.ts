import type { Clock } from '../ports/clock';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * A new trade id: 24 digits, the UTC time to the millisecond (17) followed by 7 random digits. The time part
 * keeps ids sortable in logs; the random part keeps two kiosks (or two redemptions in one millisecond) apart.
 * The caller records it before the first consume attempt and reuses it on every retry.
 */
export const createTradeId = (clock: Pick<Clock, 'now'>, random: () => number): string => {
  const d = new Date(clock.now());
  const time =
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1, 2) +
    pad(d.getUTCDate(), 2) +
    pad(d.getUTCHours(), 2) +
    pad(d.getUTCMinutes(), 2) +
    pad(d.getUTCSeconds(), 2) +
    pad(d.getUTCMilliseconds(), 3);
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return `${time}${pad(Math.floor(r * 10_000_000), 7)}`;
};
