import { afterEach, describe, expect, it } from 'vitest';
import type { MachineConfigInput } from '../../electron/core/config/schema';
import { DAY_MS, HOUR_MS } from '../../electron/core/throttle/throttle';
import { startHarness, type Harness } from '../unit/core/redemption/harness';
import { cutOff } from '../unit/core/throttle/cut-off-cloud';
import { busiest, guessFor, guessStream } from '../unit/core/throttle/guesser';

/**
 * Red team: a scripted guesser against the real core (engine, cache, throttle, SQLite store) on a manual
 * clock, guessing as fast as it is let, for 30 simulated hours (a day, and the start of the next, when the
 * first day's misses age out of the sliding window). The budget it must stay inside is the
 * documented default: 20 wrong codes in any hour, 60 in any day.
 */
const PER_HOUR = 20;
const PER_DAY = 60;
const SIMULATED_MS = 30 * HOUR_MS;
/** The background refresh every 300 s (and the one at start), which the guesser does not cause. */
const BACKGROUND_REFRESHES = SIMULATED_MS / 300_000 + 1;

let h: Harness;
afterEach(async () => {
  await h.core.stop();
  h.store.close();
});

/** Real codes spread over every demo product (enough stock for each hit), in the cache before the guessing. */
const plantCodes = (harness: Harness, perProduct: number): string[] =>
  harness.state.products().flatMap((p) => {
    const made = harness.state.createCodes({
      productId: p.id,
      count: perProduct,
      codeLength: 8,
      expiresAt: null,
    });
    return made.ok ? made.value.map((c) => c.code) : [];
  });

const scenarios: { name: string; unreachable: boolean; offline: MachineConfigInput['offline'] }[] = [
  { name: 'online, deny', unreachable: false, offline: { policy: 'deny' } },
  { name: 'online, allow-cached', unreachable: false, offline: { policy: 'allow-cached' } },
  { name: 'cloud unreachable, deny', unreachable: true, offline: { policy: 'deny' } },
  // The most generous offline setting: a day-old cache is still trusted, so every lucky guess on day one dispenses.
  {
    name: 'cloud unreachable, allow-cached',
    unreachable: true,
    offline: { policy: 'allow-cached', maxCacheAgeSeconds: 86_400 },
  },
];

describe('red team: a guesser trying as fast as allowed for 30 hours', () => {
  it.each(scenarios)(
    '$name: never more than the hourly and daily budget',
    async ({ name, unreachable, offline }) => {
      h = await startHarness({ offline }, false);
      const cloud = cutOff(h.cloud, () => h.clock.now());
      const valid = plantCodes(h, 2);
      await h.core.start();
      cloud.down = unreachable;
      const validSet = new Set(valid);
      // One guess in ten is a real code: absurdly lucky, so hits happen and we can see they refund nothing.
      const attempts = await guessFor(h.core, h.clock, SIMULATED_MS, guessStream(valid, 10), (c) =>
        validSet.has(c),
      );

      const misses = attempts.filter((a) => !a.valid).map((a) => a.at);
      const hits = attempts.filter((a) => a.valid);
      const dispensed = attempts.filter((a) => a.dispensed);
      const figures = {
        scenario: name,
        tried: attempts.length,
        wrong: misses.length,
        wrongBusiestHour: busiest(misses, HOUR_MS),
        wrongBusiestDay: busiest(misses, DAY_MS),
        triedBusiestHour: busiest(
          attempts.map((a) => a.at),
          HOUR_MS,
        ),
        realCodesTried: hits.length,
        dispensed: dispensed.length,
        refreshesBeyondBackground: cloud.refreshes.length - BACKGROUND_REFRESHES,
      };
      console.log(`red-team ${JSON.stringify(figures)}`);

      expect(figures.wrongBusiestHour).toBeLessThanOrEqual(PER_HOUR);
      expect(figures.wrongBusiestDay).toBeLessThanOrEqual(PER_DAY);
      // It kept guessing to the end: the limit is the budget, not a guesser that gave up.
      expect(figures.wrongBusiestDay).toBe(PER_DAY);
      // Only a real code dispenses, and a hit buys no extra guesses: every code tried was a budgeted miss or a hit.
      expect(dispensed.every((a) => a.valid)).toBe(true);
      expect(attempts.length).toBe(misses.length + hits.length);
      if (unreachable && offline?.policy !== 'allow-cached') expect(dispensed).toHaveLength(0);
    },
  );
});

describe('red team: a burst of 100 wrong codes', () => {
  /** 100 distinct wrong codes, `spacingMs` apart, starting past the 30 s miss-refresh interval. */
  const burst = async (down: boolean, spacingMs: number): Promise<number[]> => {
    const cloud = cutOff(h.cloud, () => h.clock.now());
    cloud.down = down;
    // Before the 5-minute background round, so every refresh counted here was started by a miss.
    await h.clock.advance(60_000);
    const before = cloud.refreshes.length;
    for (let i = 0; i < 100; i++) {
      await h.core.submitCode(String(40_000_000 + i));
      await h.clock.advance(spacingMs);
    }
    return cloud.refreshes.slice(before);
  };

  it.each([false, true])('default throttle, cloud unreachable: %s: one refresh at most', async (down) => {
    h = await startHarness();
    const starts = await burst(down, 100);
    console.log(
      `red-team burst, default throttle, unreachable=${down}: ${starts.length} refresh(es) for 100 codes`,
    );
    expect(starts.length).toBeLessThanOrEqual(1);
  });

  it.each([false, true])(
    'throttle opened wide, cloud unreachable: %s: at most one refresh per 30 s interval',
    async (down) => {
      h = await startHarness({
        throttle: {
          maxWrongCodes: 50,
          windowSeconds: 10,
          maxWrongCodesPerHour: 1000,
          maxWrongCodesPerDay: 10_000,
        },
      });
      const starts = await burst(down, 500);
      const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
      console.log(
        `red-team burst, throttle open, unreachable=${down}: ${starts.length} refresh(es) for 100 codes in 50 s, gaps ${JSON.stringify(gaps)} ms`,
      );
      expect(starts.length).toBeGreaterThanOrEqual(1);
      expect(starts.length).toBeLessThanOrEqual(2);
      expect(gaps.every((g) => g >= 30_000)).toBe(true);
    },
  );
});
