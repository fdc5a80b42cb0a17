import { describe, expect, it } from 'vitest';
import { backoffDelay, runProbe, startHeartbeat } from '../../../../electron/core/link/link-health';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';

describe('serial link health', () => {
  it('backs off exponentially up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a))).toEqual([
      250, 500, 1000, 2000, 4000, 5000, 5000,
    ]);
    expect(backoffDelay(2, { initialDelayMs: 100, factor: 3, maxDelayMs: 10_000 })).toBe(900);
  });

  it('treats a probe that throws as no answer, and a missing probe as alive', async () => {
    const logger = new MemoryLogger();
    expect(await runProbe(() => Promise.reject(new Error('EIO')), logger, '/dev/x')).toBe(false);
    expect(logger.has('serial.heartbeat-error')).toBe(true);
    expect(await runProbe(undefined, logger, '/dev/x')).toBe(true);
  });

  it('declares the far end dead only after consecutive failures, once', async () => {
    const clock = new ManualClock();
    const answers = [false, true, false, false, false];
    let dead = 0;
    startHeartbeat(clock, {
      intervalMs: 100,
      failures: 2,
      beat: () => Promise.resolve(answers.shift() ?? false),
      onDead: () => {
        dead += 1;
      },
    });
    await clock.advance(300);
    expect(dead).toBe(0);
    await clock.advance(100);
    expect(dead).toBe(1);
    await clock.advance(500);
    expect(dead).toBe(1);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('skips a tick while the previous probe is still out, keeping the rhythm', async () => {
    const clock = new ManualClock();
    const t0 = clock.now();
    const started: number[] = [];
    let answer: ((alive: boolean) => void) | null = null;
    startHeartbeat(clock, {
      intervalMs: 100,
      failures: 2,
      beat: () => {
        started.push(clock.now() - t0);
        return new Promise<boolean>((resolve) => (answer = resolve));
      },
      onDead: () => undefined,
    });
    await clock.advance(250);
    answer!(true);
    await clock.advance(50);
    expect(started).toEqual([100, 300]);
  });

  it('stops probing when stopped', async () => {
    const clock = new ManualClock();
    let beats = 0;
    const stop = startHeartbeat(clock, {
      intervalMs: 50,
      failures: 1,
      beat: () => Promise.resolve(++beats > 0),
      onDead: () => undefined,
    });
    await clock.advance(120);
    stop();
    await clock.advance(500);
    expect(beats).toBe(2);
    expect(clock.pendingTimers()).toBe(0);
  });
});
