import { SerialPort } from 'serialport';
import { err, ok } from '../contract/result';
import type { SerialPipe, SerialPipeOpener } from '../core/ports/serial-pipe';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Wraps an opened port. Listeners are attached before `open()`, so an early error event is never unhandled. */
const pipeOver = (port: SerialPort): { pipe: SerialPipe; markOpen: () => void } => {
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const goneListeners = new Set<(reason: string) => void>();
  // Until the open callback succeeds, errors belong to the open attempt, not to a live port.
  let live = false;
  let gone = false;
  const reportGone = (reason: string): void => {
    if (!live || gone) return;
    gone = true;
    for (const l of goneListeners) l(reason);
  };
  port.on('data', (chunk: Buffer) => {
    const bytes = new Uint8Array(chunk);
    for (const l of dataListeners) l(bytes);
  });
  port.on('error', (e: Error) => {
    reportGone(`port error: ${e.message}`);
  });
  port.on('close', () => {
    reportGone('port closed');
  });

  const pipe: SerialPipe = {
    write(bytes) {
      if (!port.isOpen)
        return Promise.resolve(err({ code: 'not-open', message: `serial port ${port.path} is not open` }));
      return new Promise((resolve) => {
        port.write(Buffer.from(bytes), (e) => {
          resolve(e ? err({ code: 'write-failed', message: e.message }) : ok(undefined));
        });
      });
    },
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onGone(listener) {
      goneListeners.add(listener);
      return () => goneListeners.delete(listener);
    },
    close() {
      // Our own close is not a loss: nobody hears about it as one.
      gone = true;
      if (!port.isOpen) return Promise.resolve();
      return new Promise((resolve) => {
        port.close(() => {
          resolve();
        });
      });
    },
  };
  return {
    pipe,
    markOpen: () => {
      live = true;
    },
  };
};

/**
 * The serialport side of the link: one open per call, nothing more. Reconnect, heartbeat, write timeout and
 * status are the supervisor's (core/link/link-supervisor.ts).
 */
export const openSerialportPipe: SerialPipeOpener = ({ path, baud }) =>
  new Promise((resolve) => {
    let port: SerialPort;
    try {
      port = new SerialPort({ path, baudRate: baud, autoOpen: false });
    } catch (e) {
      resolve(err({ code: 'bad-options', message: messageOf(e) }));
      return;
    }
    const { pipe, markOpen } = pipeOver(port);
    try {
      port.open((e) => {
        if (e) {
          resolve(err({ code: 'open-failed', message: e.message }));
          return;
        }
        markOpen();
        resolve(ok(pipe));
      });
    } catch (e) {
      resolve(err({ code: 'open-failed', message: messageOf(e) }));
    }
  });
