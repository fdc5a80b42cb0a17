import type { Cancel, Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';

export type ReconnectOptions = {
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly factor?: number;
};

/** Delay before reopen attempt `attempt` (0-based): exponential, capped, so a missing port costs little. */
export const backoffDelay = (attempt: number, options: ReconnectOptions = {}): number => {
  const { initialDelayMs = 250, maxDelayMs = 5000, factor = 2 } = options;
  return Math.min(maxDelayMs, initialDelayMs * factor ** attempt);
};

export type Probe = () => Promise<boolean>;

/** Runs a probe; a probe that throws counts as "no answer" (and is logged), never as a crash. */
export const runProbe = async (probe: Probe | undefined, logger: Logger, path: string): Promise<boolean> => {
  if (!probe) return true;
  try {
    return await probe();
  } catch (e) {
    logger.warn('serial.heartbeat-error', { path, message: e instanceof Error ? e.message : String(e) });
    return false;
  }
};

export type HeartbeatOptions = {
  readonly intervalMs: number;
  /** Consecutive failed probes that mean the far end is gone. */
  readonly failures: number;
  readonly beat: Probe;
  readonly onDead: () => void;
};

/**
 * Probes every interval on the given clock and calls `onDead` once after enough failures in a row.
 * The ticks keep a fixed rhythm; a tick that finds the previous probe still out skips its turn, so a slow
 * board never has two probes queued against it.
 */
export const startHeartbeat = (clock: Clock, options: HeartbeatOptions): Cancel => {
  let failures = 0;
  let busy = false;
  let stopped = false;
  let cancel: Cancel = () => undefined;
  const tick = (): void => {
    if (stopped) return;
    cancel = clock.setTimer(options.intervalMs, tick);
    if (busy) return;
    busy = true;
    void options
      .beat()
      .catch(() => false)
      .then((alive) => {
        busy = false;
        if (stopped) return;
        failures = alive ? 0 : failures + 1;
        if (failures < Math.max(1, options.failures)) return;
        stopped = true;
        cancel();
        options.onDead();
      });
  };
  cancel = clock.setTimer(options.intervalMs, tick);
  return () => {
    stopped = true;
    cancel();
  };
};
