import type { Cancel, Clock } from '../ports/clock';
import type { LiveConnectOptions, LiveTransport } from '../ports/live-transport';
import type { Logger } from '../ports/logger';

export type LiveState = 'off' | 'connecting' | 'up' | 'waiting';

export type LiveStatus = {
  readonly state: LiveState;
  /** When the state last changed (epoch ms). */
  readonly since: number;
  /** Failed attempts since the link was last up. */
  readonly failures: number;
  readonly lastError: string | null;
  /** How many times the link has come up since the kiosk started. */
  readonly connects: number;
};

export type LiveConnectionDeps = {
  readonly transport: LiveTransport;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly maxBackoffMs: number;
  /** Built per attempt: the will's signed timestamp must be fresh. */
  readonly connectOptions: () => LiveConnectOptions;
  readonly onUp: () => void;
  readonly onChange: (status: LiveStatus) => void;
};

export type LiveConnection = {
  start(): void;
  stop(): Promise<void>;
  status(): LiveStatus;
};

/** 1 s, 2 s, 4 s … up to the cap: a broker that is down is not hammered, one that is back is found soon. */
export const liveBackoffMs = (failures: number, maxMs: number): number =>
  Math.min(maxMs, 1000 * 2 ** Math.min(Math.max(failures - 1, 0), 20));

/** Keeps the live link up: one attempt at a time, capped backoff on the injected clock, never after stop(). */
export const createLiveConnection = (deps: LiveConnectionDeps): LiveConnection => {
  const { transport, clock, logger } = deps;
  let status: LiveStatus = { state: 'off', since: clock.now(), failures: 0, lastError: null, connects: 0 };
  let retry: Cancel | null = null;
  let attempt: Promise<void> | null = null;
  let stopped = false;
  const isStopped = (): boolean => stopped;

  const set = (patch: Partial<LiveStatus>): void => {
    const state = patch.state ?? status.state;
    status = { ...status, ...patch, since: state === status.state ? status.since : clock.now() };
    deps.onChange(status);
  };

  const schedule = (): void => {
    if (isStopped()) return;
    const delay = liveBackoffMs(status.failures, deps.maxBackoffMs);
    retry = clock.setTimer(delay, () => {
      retry = null;
      tryOnce();
    });
  };

  const tryOnce = (): void => {
    if (isStopped() || attempt) return;
    set({ state: 'connecting' });
    attempt = transport
      .connect(deps.connectOptions())
      .then(async (result) => {
        if (isStopped()) {
          if (result.ok) await transport.close();
          return;
        }
        if (result.ok) {
          set({ state: 'up', failures: 0, lastError: null, connects: status.connects + 1 });
          logger.info('live.up', { sessionPresent: result.value.sessionPresent, connects: status.connects });
          deps.onUp();
          return;
        }
        set({ state: 'waiting', failures: status.failures + 1, lastError: result.error });
        logger.warn('live.connect-failed', { error: result.error, failures: status.failures });
        schedule();
      })
      .finally(() => {
        attempt = null;
      });
  };

  transport.onDown((why) => {
    if (isStopped() || status.state !== 'up') return;
    set({ state: 'waiting', failures: 1, lastError: why });
    logger.warn('live.down', { error: why });
    schedule();
  });

  return {
    start() {
      if (!isStopped() && status.state === 'off') tryOnce();
    },
    async stop() {
      stopped = true;
      retry?.();
      retry = null;
      await attempt;
      await transport.close();
      set({ state: 'off' });
    },
    status: () => status,
  };
};
