import type { Logger } from '../core/ports/logger';

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
  readonly beat: () => Promise<boolean>;
  readonly onDead: () => void;
};

/** Probes every interval (never two at once) and calls `onDead` after enough failures in a row. */
export const startHeartbeat = (options: HeartbeatOptions): (() => void) => {
  let failures = 0;
  let busy = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void options.beat().then((alive) => {
      busy = false;
      if (stopped) return;
      failures = alive ? 0 : failures + 1;
      if (failures >= Math.max(1, options.failures)) {
        stopped = true;
        clearInterval(timer);
        options.onDead();
      }
    });
  }, options.intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
};
