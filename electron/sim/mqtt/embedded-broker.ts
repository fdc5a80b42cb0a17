import type { EventEmitter } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Aedes } from 'aedes';

export type EmbeddedBrokerOptions = {
  /** 0 or absent: any free port. Always bound to 127.0.0.1. */
  readonly port?: number;
  /** Broker-level failures (a client's own errors only drop that client); default: ignored. */
  readonly onError?: (error: Error) => void;
};

export type EmbeddedBroker = {
  /** `mqtt://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
};

const closeAedes = (broker: Aedes): Promise<void> =>
  new Promise((resolve) => {
    broker.close(() => {
      resolve();
    });
  });

/**
 * An in-process MQTT broker (aedes, memory only) so the demo runs the live link with nothing installed. It is a
 * stand-in, not the vendor's broker: no TLS, no accounts, sessions lost when it stops.
 */
export const startEmbeddedBroker = async (options: EmbeddedBrokerOptions = {}): Promise<EmbeddedBroker> => {
  const broker = await Aedes.createBroker();
  // An unheard 'error' would throw in the main process: the stand-in broker must never take the demo down.
  const emitter: EventEmitter = broker;
  emitter.on('error', (error: Error) => {
    options.onError?.(error);
  });
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    broker.handle(socket);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await closeAedes(broker);
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    const serverClosed = new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    await closeAedes(broker);
    // Sockets still half-open after aedes let go of its clients would keep the process (and vitest) alive.
    for (const socket of sockets) socket.destroy();
    await serverClosed;
  };
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    close: () => (closing ??= close()),
  };
};
