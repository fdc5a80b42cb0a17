import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, runProbe, startHeartbeat } from '../../../electron/adapters/serial-health';
import { MemoryLogger } from '../../fakes/memory-logger';

afterEach(() => {
  vi.useRealTimers();
});

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
    vi.useFakeTimers();
    const answers = [false, true, false, false, false];
    let dead = 0;
    startHeartbeat({
      intervalMs: 100,
      failures: 2,
      beat: () => Promise.resolve(answers.shift() ?? false),
      onDead: () => {
        dead += 1;
      },
    });
    for (let i = 0; i < 3; i++) await vi.advanceTimersByTimeAsync(100);
    expect(dead).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(dead).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(dead).toBe(1);
  });

  it('stops probing when stopped', async () => {
    vi.useFakeTimers();
    let beats = 0;
    const stop = startHeartbeat({
      intervalMs: 50,
      failures: 1,
      beat: () => Promise.resolve(++beats > 0),
      onDead: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(120);
    stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(beats).toBe(2);
  });
});
