import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import { systemClock } from '../../adapters/system-clock';
import type { Clock } from '../../core/ports/clock';
import type { LinkError, LinkStatus, SerialLink } from '../../core/ports/serial-link';
import type { BoardSim } from './board-sim';
import { createBoardSim } from './board-sim';
import { preciseTimer } from './precise-timer';
import type { SimConfigInput } from './config';
import { simConfigSchema } from './config';
import type { Ledger } from './ledger';
import { createFileLedger, createMemoryLedger } from './ledger';

export type InProcessBoardOptions = {
  /** Parsed with the same schema as the config file; an invalid literal here is a programming error. */
  readonly config?: SimConfigInput;
  readonly clock?: Clock;
  /** Without a path the ledger lives in memory (demo mode, unit tests). */
  readonly ledgerPath?: string;
  /**
   * Emulates a serial line of this speed (8N1: 10 bits a byte), each direction one byte after another: what a
   * pseudo-terminal or a direct call lacks, for measuring what the wire costs. Absent: bytes arrive at once.
   */
  readonly baud?: number;
};

/** Where the line reads time and waits: the injected clock, or the high-resolution one on real time. */
type LineTime = { readonly now: () => number; readonly after: (ms: number, fn: () => void) => void };

const lineTime = (clock: Clock): LineTime =>
  // On real time a millisecond clock would round every frame's wire time up: what is being measured.
  clock === systemClock
    ? { now: () => performance.now(), after: preciseTimer }
    : { now: () => clock.now(), after: (ms, fn) => clock.setTimer(ms, fn) };

/** A one-direction line: each chunk arrives once the ones before it and its own bits have gone across. */
const serialLine = (time: LineTime, baud: number | undefined) => {
  let busyUntil = 0;
  return (bytes: Uint8Array, deliver: () => void): void => {
    if (baud === undefined) {
      queueMicrotask(deliver);
      return;
    }
    const now = time.now();
    busyUntil = Math.max(now, busyUntil) + (bytes.length * 10 * 1000) / baud;
    time.after(busyUntil - now, deliver);
  };
};

export type InProcessBoard = {
  /** The kiosk's end of the simulated line. */
  readonly link: SerialLink;
  readonly sim: BoardSim;
  readonly ledger: Ledger;
  /** Pulls the simulated cable: writes fail and the link reports `down` until `plugIn()`. */
  unplug(): void;
  plugIn(): void;
  close(): Promise<void>;
};

/** The simulated board wired straight to a SerialLink, no serial port in between. */
export const createInProcessBoard = (options: InProcessBoardOptions = {}): InProcessBoard => {
  const config = simConfigSchema.parse(options.config ?? {});
  const clock = options.clock ?? systemClock;
  const ledger = options.ledgerPath ? createFileLedger(options.ledgerPath) : createMemoryLedger();
  const sim = createBoardSim({ config, clock, ledger });
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const statusListeners = new Set<(s: LinkStatus) => void>();
  let status: LinkStatus = 'connected';
  const setStatus = (next: LinkStatus): void => {
    if (next === status) return;
    status = next;
    for (const l of statusListeners) l(next);
  };
  const toBoard = serialLine(lineTime(clock), options.baud);
  const toKiosk = serialLine(lineTime(clock), options.baud);
  const stopTransmit = sim.onTransmit((bytes) => {
    if (status !== 'connected') return;
    const copy = bytes.slice();
    const deliver = (): void => {
      for (const l of dataListeners) l(copy);
    };
    if (options.baud === undefined) deliver();
    else toKiosk(copy, deliver);
  });

  const link: SerialLink = {
    write(bytes): Promise<Result<void, LinkError>> {
      if (status !== 'connected')
        return Promise.resolve(err({ code: 'not-open', message: 'simulated cable unplugged' }));
      const copy = bytes.slice();
      // Bytes reach the board after the write returns, as they would through a driver's buffer.
      toBoard(copy, () => {
        sim.receive(copy);
      });
      return Promise.resolve(ok(undefined));
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
    close() {
      setStatus('down');
      return Promise.resolve();
    },
  };

  return {
    link,
    sim,
    ledger,
    unplug: () => {
      setStatus('down');
    },
    plugIn: () => {
      setStatus('connected');
    },
    close() {
      stopTransmit();
      sim.close();
      ledger.close();
      setStatus('down');
      return Promise.resolve();
    },
  };
};
