import type { Result } from '../../contract/result';
import { err } from '../../contract/result';
import type { Cancel, Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { SerialPipe, SerialPipeOpener } from '../ports/serial-pipe';
import type { LinkError, LinkStatus, SerialLink } from '../ports/serial-link';
import type { Probe, ReconnectOptions } from './link-health';
import { backoffDelay, runProbe, startHeartbeat } from './link-health';
import { guardedWrite } from './guarded-write';

export type LinkSupervisorOptions = {
  readonly path: string;
  readonly baud: number;
  readonly open: SerialPipeOpener;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Backoff between reopen attempts; `false` gives up after the first loss (one-shot commands). */
  readonly reconnect?: ReconnectOptions | false;
  /**
   * A pseudo-terminal (and some USB adapters) never reports that the far end went away, so the owner
   * passes a cheap "is the board still answering" probe; it also confirms a reopened port before
   * the link reports `connected` again.
   */
  readonly heartbeat?: Probe;
  readonly heartbeatIntervalMs?: number;
  /** Consecutive heartbeat failures that count as a lost port. */
  readonly heartbeatFailures?: number;
  /** A 9600-baud frame takes ~15 ms; a write still pending after this is not going out. */
  readonly writeTimeoutMs?: number;
};

export interface SupervisedLink extends SerialLink {
  /** Resolves once the first open attempt (and its heartbeat) has finished, with the status it reached. */
  settled(): Promise<LinkStatus>;
  setHeartbeat(probe: Probe | undefined): void;
}

/**
 * The one owner of the serial port: opens it through the pipe opener, reopens it with backoff when it goes,
 * watches it with the heartbeat, and says how it is. Every wait is on the injected clock.
 */
export const createLinkSupervisor = (options: LinkSupervisorOptions): SupervisedLink => {
  const { path, baud, clock, logger } = options;
  const reconnect = options.reconnect === false ? null : (options.reconnect ?? {});
  const heartbeatMs = options.heartbeatIntervalMs ?? 2000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 2000;
  let heartbeat = options.heartbeat;
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const statusListeners = new Set<(s: LinkStatus) => void>();
  let status: LinkStatus = 'reconnecting';
  let pipe: SerialPipe | null = null;
  let closed = false;
  let attempt = 0;
  let cancelRetry: Cancel | null = null;
  let stopHeartbeat: Cancel | null = null;
  let settle: ((s: LinkStatus) => void) | null = null;
  const firstSettle = new Promise<LinkStatus>((resolve) => (settle = resolve));

  const publish = (next: LinkStatus): void => {
    if (next === status) return;
    status = next;
    logger.info('serial.status', { path, status: next });
    for (const l of statusListeners) l(next);
  };
  const settleOnce = (): void => {
    settle?.(status);
    settle = null;
  };
  const stopTimers = (): void => {
    cancelRetry?.();
    stopHeartbeat?.();
    cancelRetry = stopHeartbeat = null;
  };

  const lost = (why: string): void => {
    if (closed || pipe === null) return;
    logger.warn('serial.lost', { path, why });
    stopTimers();
    const old = pipe;
    pipe = null;
    void old.close();
    // Only a working link going away is news; a reopen that is not answered yet is still reconnecting.
    if (status === 'connected') publish('down');
    scheduleRetry();
  };

  const scheduleRetry = (): void => {
    if (closed) return;
    if (!reconnect) {
      // A one-shot owner is told plainly that the port is gone, whatever stage it was lost at.
      publish('down');
      settleOnce();
      return;
    }
    const delay = backoffDelay(attempt, reconnect);
    attempt += 1;
    cancelRetry = clock.setTimer(delay, () => {
      cancelRetry = null;
      publish('reconnecting');
      void tryOpen();
    });
    settleOnce();
  };

  const probe = (): Promise<boolean> => runProbe(heartbeat, logger, path);

  const onOpened = async (opened: SerialPipe): Promise<void> => {
    // A reopened port is only "connected" once the board behind it answers again.
    const alive = await probe();
    if (closed || pipe !== opened) return;
    if (!alive) {
      lost('no answer after opening');
      return;
    }
    attempt = 0;
    publish('connected');
    settleOnce();
    stopHeartbeat = startHeartbeat(clock, {
      intervalMs: heartbeatMs,
      failures: options.heartbeatFailures ?? 2,
      beat: probe,
      onDead: () => {
        if (pipe === opened) lost('heartbeat failed');
      },
    });
  };

  const attemptOpen = async (): Promise<void> => {
    const opened = await options.open({ path, baud });
    if (closed) {
      if (opened.ok) await opened.value.close();
      return;
    }
    if (!opened.ok) {
      if (opened.error.code === 'bad-options') {
        // A malformed path or baud will not get better by retrying: say so once and stay down.
        logger.error('serial.bad-options', { path, message: opened.error.message });
        publish('down');
        settleOnce();
        return;
      }
      logger.warn('serial.open-failed', { path, message: opened.error.message, attempt });
      if (reconnect) publish('reconnecting');
      scheduleRetry();
      return;
    }
    const current = opened.value;
    pipe = current;
    current.onData((chunk) => {
      // Bytes from a port already given up on belong to no request of ours.
      if (pipe !== current) return;
      for (const l of dataListeners) l(chunk);
    });
    current.onGone((reason) => {
      if (pipe === current) lost(reason);
    });
    await onOpened(current);
  };
  // An opener that throws instead of answering (a bug, or a driver that misbehaves) is one more failed attempt:
  // the link keeps retrying rather than sitting in "reconnecting" for ever.
  const tryOpen = (): Promise<void> =>
    attemptOpen().catch((e: unknown) => {
      logger.error('serial.open-threw', { path, message: e instanceof Error ? e.message : String(e) });
      if (closed) return;
      if (reconnect) publish('reconnecting');
      scheduleRetry();
    });

  void tryOpen();

  return {
    write(bytes): Promise<Result<void, LinkError>> {
      const current = pipe;
      if (current === null)
        return Promise.resolve(err({ code: 'not-open', message: `serial port ${path} is not open` }));
      return guardedWrite({ pipe: current, bytes, clock, timeoutMs: writeTimeoutMs }).then(
        ({ result, lostWhy }) => {
          if (lostWhy !== null && pipe === current) lost(lostWhy);
          return result;
        },
      );
    },
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    settled: () => firstSettle,
    setHeartbeat(next) {
      heartbeat = next;
    },
    async close() {
      closed = true;
      stopTimers();
      const old = pipe;
      pipe = null;
      if (old) await old.close();
      publish('down');
      settleOnce();
    },
  };
};
