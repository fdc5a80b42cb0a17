import { SerialPort } from 'serialport';
import type { Result } from '../contract/result';
import { err, ok } from '../contract/result';
import type { Logger } from '../core/ports/logger';
import type { LinkError, LinkStatus, SerialLink } from '../core/ports/serial-link';
import type { ReconnectOptions } from './serial-health';
import { backoffDelay, runProbe, startHeartbeat } from './serial-health';

export type { ReconnectOptions } from './serial-health';

export type SerialLinkOptions = {
  readonly path: string;
  readonly baud: number;
  readonly logger: Logger;
  /** Backoff between reopen attempts; `false` gives up after the first loss (one-shot commands). */
  readonly reconnect?: ReconnectOptions | false;
  /**
   * A pseudo-terminal (and some USB adapters) never reports that the far end went away, so the owner
   * passes a cheap "is the board still answering" probe; it also confirms a reopened port before
   * the link reports `connected` again.
   */
  readonly heartbeat?: () => Promise<boolean>;
  readonly heartbeatIntervalMs?: number;
  /** Consecutive heartbeat failures that count as a lost port. */
  readonly heartbeatFailures?: number;
};

export interface SerialportLink extends SerialLink {
  /** Resolves once the first open attempt (and its heartbeat) has finished, with the status it reached. */
  settled(): Promise<LinkStatus>;
  setHeartbeat(probe: (() => Promise<boolean>) | undefined): void;
}

/** The production SerialLink: one owner of the port, which reconnects on its own and says how it is. */
export const openSerialLink = (options: SerialLinkOptions): SerialportLink => {
  const { path, baud, logger } = options;
  const reconnect = options.reconnect === false ? null : (options.reconnect ?? {});
  const heartbeatMs = options.heartbeatIntervalMs ?? 2000;
  /** A 9600-baud frame takes ~15 ms; a write still pending after this is not going out. */
  const writeTimeoutMs = 2000;
  let heartbeat = options.heartbeat;
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const statusListeners = new Set<(s: LinkStatus) => void>();
  let status: LinkStatus = 'reconnecting';
  let port: SerialPort | null = null;
  let closed = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let stopHeartbeat: (() => void) | null = null;
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
    if (retryTimer) clearTimeout(retryTimer);
    stopHeartbeat?.();
    retryTimer = stopHeartbeat = null;
  };

  const dropPort = (): void => {
    const old = port;
    port = null;
    if (old?.isOpen) old.close(() => undefined);
  };

  const lost = (why: string): void => {
    if (closed || port === null) return;
    logger.warn('serial.lost', { path, why });
    stopTimers();
    dropPort();
    // Only a working link going away is news; a reopen that is not answered yet is still reconnecting.
    if (status === 'connected') publish('down');
    scheduleRetry();
  };

  const scheduleRetry = (): void => {
    if (closed || !reconnect) {
      settleOnce();
      return;
    }
    const delay = backoffDelay(attempt, reconnect);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      publish('reconnecting');
      tryOpen();
    }, delay);
    settleOnce();
  };

  const probe = (): Promise<boolean> => runProbe(heartbeat, logger, path);

  const onOpened = async (opened: SerialPort): Promise<void> => {
    // A reopened port is only "connected" once the board behind it answers again.
    const alive = await probe();
    if (closed || port !== opened) return;
    if (!alive) {
      lost('no answer after opening');
      return;
    }
    attempt = 0;
    publish('connected');
    settleOnce();
    stopHeartbeat = startHeartbeat({
      intervalMs: heartbeatMs,
      failures: options.heartbeatFailures ?? 2,
      beat: probe,
      onDead: () => {
        if (port === opened) lost('heartbeat failed');
      },
    });
  };

  const tryOpen = (): void => {
    let candidate: SerialPort;
    try {
      candidate = new SerialPort({ path, baudRate: baud, autoOpen: false });
    } catch (e) {
      logger.error('serial.bad-options', { path, message: e instanceof Error ? e.message : String(e) });
      publish('down');
      settleOnce();
      return;
    }
    candidate.on('data', (chunk: Buffer) => {
      const bytes = new Uint8Array(chunk);
      for (const l of dataListeners) l(bytes);
    });
    candidate.on('error', (e: Error) => {
      if (port === candidate) lost(`port error: ${e.message}`);
    });
    candidate.on('close', () => {
      if (port === candidate) lost('port closed');
    });
    candidate.open((e) => {
      if (closed) {
        if (!e) candidate.close(() => undefined);
        return;
      }
      if (e) {
        logger.warn('serial.open-failed', { path, message: e.message, attempt });
        publish(reconnect ? 'reconnecting' : 'down');
        scheduleRetry();
        return;
      }
      port = candidate;
      void onOpened(candidate);
    });
  };

  tryOpen();

  return {
    write(bytes): Promise<Result<void, LinkError>> {
      const current = port;
      if (!current?.isOpen)
        return Promise.resolve(err({ code: 'not-open', message: `serial port ${path} is not open` }));
      return new Promise((resolve) => {
        // A write the OS never accepts (a wedged adapter, a pty nobody drains) must not hang the queue.
        const stuck = setTimeout(() => {
          resolve(err({ code: 'write-failed', message: `write not accepted within ${writeTimeoutMs} ms` }));
          if (port === current) lost('write not accepted');
        }, writeTimeoutMs);
        current.write(Buffer.from(bytes), (e) => {
          clearTimeout(stuck);
          if (!e) {
            resolve(ok(undefined));
            return;
          }
          resolve(err({ code: 'write-failed', message: e.message }));
          if (port === current) lost(`write failed: ${e.message}`);
        });
      });
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
      const old = port;
      port = null;
      if (old?.isOpen) {
        await new Promise<void>((resolve) => {
          old.close(() => {
            resolve();
          });
        });
      }
      publish('down');
      settleOnce();
    },
  };
};
