import { chmodSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../core/ports/logger';
import { isNamedPipe } from './control-endpoint';
import { prepareSocketPath } from './control-socket-path';

export type ControlServer = {
  readonly endpoint: string;
  /** Stops listening, ends open connections and removes the socket file. */
  close(): Promise<void>;
};

export type ControlServerOptions = {
  readonly endpoint: string;
  /** Answers one parsed request line (`undefined` for one that is not JSON or too long); never rejects. */
  readonly handle: (request: unknown) => Promise<unknown>;
  readonly logger: Logger;
  readonly maxLineBytes: number;
  /** A connection with no request for this long is closed (a test dispense answers well within it). */
  readonly idleMs?: number;
  readonly maxConnections?: number;
};

const DEFAULT_IDLE_MS = 120_000;
const SOCKET_MODE = 0o600;

const listen = (server: Server, endpoint: string): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(endpoint, () => {
      server.off('error', reject);
      resolve();
    });
  });

/** Newline-delimited JSON, one request at a time per connection, each answered before the next is read. */
const serve = (socket: Socket, options: ControlServerOptions): void => {
  let buffered = '';
  let queue: Promise<void> = Promise.resolve();
  socket.setEncoding('utf8');
  socket.setTimeout(options.idleMs ?? DEFAULT_IDLE_MS, () => socket.end());
  socket.on('error', () => {
    // A client that went away mid-answer: nothing to tell anyone.
  });
  const answer = (line: string): void => {
    queue = queue.then(async () => {
      let request: unknown;
      try {
        request = JSON.parse(line);
      } catch {
        request = undefined;
      }
      try {
        const reply = await options.handle(request);
        if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
      } catch (e) {
        // An unhandled rejection in main restarts the kiosk: a channel bug only ends this connection.
        options.logger.error('kioskctl.handler-threw', { error: e instanceof Error ? e.name : 'non-error' });
        socket.destroy();
      }
    });
  };
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line !== '') answer(line);
      newline = buffered.indexOf('\n');
    }
    if (Buffer.byteLength(buffered) > options.maxLineBytes) {
      // Answered like a line that is not JSON, then the connection ends: nothing more of it is read.
      options.logger.warn('kioskctl.line-too-long', { bytes: Buffer.byteLength(buffered) });
      buffered = '';
      socket.pause();
      answer('');
      void queue.then(() => socket.end());
    }
  });
};

/** The main process's end of the control channel (see control-endpoint.ts for where it is). */
export const openControlServer = async (options: ControlServerOptions): Promise<ControlServer> => {
  const { endpoint } = options;
  const pipe = isNamedPipe(endpoint);
  if (!pipe) await prepareSocketPath(endpoint);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serve(socket, options);
  });
  server.maxConnections = options.maxConnections ?? 4;
  await listen(server, endpoint);
  // Once listening, an error (out of file handles, say) is logged: an uncaught one would restart the kiosk.
  server.on('error', (e) => {
    options.logger.error('kioskctl.server-error', { error: e.message });
  });
  try {
    if (!pipe) chmodSync(endpoint, SOCKET_MODE);
  } catch (e) {
    // A socket whose mode cannot be made 0600 is not offered at all.
    server.close();
    throw e;
  }
  let closing: Promise<void> | null = null;
  return {
    endpoint,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
};
