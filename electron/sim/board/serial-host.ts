import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { SerialPort } from 'serialport';
import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import { systemClock } from '../../adapters/system-clock';
import type { BoardSim } from './board-sim';
import { createBoardSim } from './board-sim';
import type { SimConfig } from './config';
import { applyControl } from './control';
import { createFileLedger, createMemoryLedger } from './ledger';

export type SerialHostOptions = {
  readonly path: string;
  readonly baud: number;
  readonly config: SimConfig;
  readonly ledgerPath?: string;
  /** Run-time control lines (see control.ts); usually the process's stdin. */
  readonly control?: Readable;
  /** Every event and control answer, one JSON object per call. */
  readonly emit: (line: string) => void;
};

export type SerialHost = {
  readonly sim: BoardSim;
  /** Resolves when the port closes or a `quit` control line arrives. */
  readonly stopped: Promise<void>;
  stop(): Promise<void>;
};

/** The simulated boards behind a real (or pseudo-terminal) serial port: the simulator as its own process. */
export const startSerialHost = async (options: SerialHostOptions): Promise<Result<SerialHost, string>> => {
  const port = new SerialPort({ path: options.path, baudRate: options.baud, autoOpen: false });
  const opened = await new Promise<Error | null>((resolve) => {
    port.open(resolve);
  });
  if (opened) return err(`cannot open ${options.path}: ${opened.message}`);

  const ledger = options.ledgerPath ? createFileLedger(options.ledgerPath) : createMemoryLedger();
  const sim = createBoardSim({ config: options.config, clock: systemClock, ledger });
  const say = (value: object): void => {
    options.emit(JSON.stringify(value));
  };
  sim.onEvent(say);
  sim.onTransmit((bytes) => {
    port.write(Buffer.from(bytes));
  });
  port.on('data', (chunk: Buffer) => {
    sim.receive(new Uint8Array(chunk));
  });

  let finish: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (finish = resolve));
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return stopped;
    stopping = true;
    sim.close();
    ledger.close();
    if (port.isOpen)
      await new Promise<void>((resolve) => {
        port.close(() => {
          resolve();
        });
      });
    finish();
    return stopped;
  };
  port.on('close', () => void stop());
  port.on('error', (e: Error) => {
    say({ event: 'port-error', message: e.message });
  });

  if (options.control) {
    const lines = createInterface({ input: options.control });
    lines.on('line', (line) => {
      if (line.trim() === '') return;
      const { answer, quit } = applyControl(sim, line);
      say(answer);
      if (quit) void stop();
    });
  }
  say({ event: 'ready', path: options.path, boards: options.config.boards.map((b) => b.addr) });
  return ok({ sim, stopped, stop });
};
