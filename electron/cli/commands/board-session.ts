import { writeFileSync } from 'node:fs';
import { openSerialLink } from '../../adapters/serialport-link';
import { systemClock } from '../../adapters/system-clock';
import type { BoardDriverWithDiagnostics } from '../../core/board/create-board-driver';
import { createBoardDriver } from '../../core/board/create-board-driver';
import { createFrameRecorder, serializeRecording } from '../../core/board/recorder';
import type { FrameRecorder } from '../../core/board/recorder';
import type { Logger } from '../../core/ports/logger';
import { intValue, UsageError } from '../args';
import type { ParsedArgs } from '../args';

/** Operator commands print JSON, not log lines; warnings still reach stderr for a human watching. */
const stderrLogger = (err: (line: string) => void): Logger => ({
  debug: () => undefined,
  info: () => undefined,
  warn: (event, fields) => {
    err(`${event} ${JSON.stringify(fields ?? {})}`);
  },
  error: (event, fields) => {
    err(`${event} ${JSON.stringify(fields ?? {})}`);
  },
});

export type BoardSession = { readonly driver: BoardDriverWithDiagnostics; readonly recorder: FrameRecorder };

export type SessionOptions = {
  readonly path: string;
  readonly baud: number;
  readonly err: (line: string) => void;
  readonly requestTimeoutMs?: number;
  readonly readAttempts?: number;
};

/** Opens the port once (no reconnect: a one-shot command reports a missing port instead of waiting). */
export const withBoardSession = async <T>(
  options: SessionOptions,
  work: (session: BoardSession) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> => {
  const logger = stderrLogger(options.err);
  const link = openSerialLink({ path: options.path, baud: options.baud, logger, reconnect: false });
  const status = await link.settled();
  if (status !== 'connected') {
    await link.close();
    return { ok: false, error: `cannot open serial port ${options.path}` };
  }
  const recorder = createFrameRecorder();
  const driver = createBoardDriver({
    link,
    clock: systemClock,
    logger,
    recorder,
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    ...(options.readAttempts === undefined ? {} : { readAttempts: options.readAttempts }),
  });
  try {
    return { ok: true, value: await work({ driver, recorder }) };
  } finally {
    await driver.close();
  }
};

export const boardAddr = (parsed: ParsedArgs): number => {
  const addr = intValue(parsed, 'addr');
  if (addr < 1 || addr > 8) throw new UsageError('--addr must be 1–8');
  return addr;
};

export const baudOf = (parsed: ParsedArgs): number => {
  const baud = intValue(parsed, 'baud', 9600);
  if (![9600, 19200, 38400, 57600, 115200].includes(baud))
    throw new UsageError('--baud must be 9600, 19200, 38400, 57600 or 115200');
  return baud;
};

export const dumpRecorder = (recorder: FrameRecorder, file: string): void => {
  writeFileSync(file, serializeRecording(recorder.entries()));
};
