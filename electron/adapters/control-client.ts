import { connect } from 'node:net';
import { err, ok, type Result } from '../contract/result';

/**
 * `not-running`: nothing listens there (no kiosk running for this user-data folder); `no-permission`: the
 * channel belongs to another OS account (run kioskctl as the kiosk's user); `timeout`, `bad-reply`: the
 * kiosk did not answer in time, or not with one JSON line.
 */
export type ControlClientError = {
  readonly code: 'not-running' | 'no-permission' | 'timeout' | 'bad-reply';
  readonly message: string;
};

const errnoOf = (e: unknown): string | undefined =>
  e instanceof Error && 'code' in e ? (e as NodeJS.ErrnoException).code : undefined;

/** Sends one request line to the kiosk's control channel and reads one answer line. Never rejects. */
export const sendControlRequest = (
  endpoint: string,
  request: unknown,
  timeoutMs: number,
): Promise<Result<unknown, ControlClientError>> =>
  new Promise((resolve) => {
    const socket = connect(endpoint);
    let received = '';
    let settled = false;
    const finish = (answer: Result<unknown, ControlClientError>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => {
      finish(err({ code: 'timeout', message: `no answer from ${endpoint} within ${timeoutMs} ms` }));
    }, timeoutMs);
    socket.setEncoding('utf8');
    socket.once('connect', () => {
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
      const newline = received.indexOf('\n');
      if (newline === -1) return;
      try {
        finish(ok(JSON.parse(received.slice(0, newline)) as unknown));
      } catch {
        finish(err({ code: 'bad-reply', message: 'the kiosk answered something that is not JSON' }));
      }
    });
    socket.once('end', () => {
      finish(err({ code: 'bad-reply', message: 'the kiosk closed the connection without an answer' }));
    });
    socket.once('error', (e) => {
      const errno = errnoOf(e);
      if (errno === 'EACCES' || errno === 'EPERM')
        finish(err({ code: 'no-permission', message: `${endpoint}: permission denied` }));
      else if (errno === 'ENOENT' || errno === 'ECONNREFUSED')
        finish(err({ code: 'not-running', message: `no kiosk is listening on ${endpoint}` }));
      else finish(err({ code: 'bad-reply', message: `${endpoint}: ${e.message}` }));
    });
  });
