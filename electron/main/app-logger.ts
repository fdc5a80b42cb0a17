import { join } from 'node:path';
import { createJsonLogger } from '../adapters/json-logger';
import type { Logger, LogLevel } from '../core/ports/logger';
import { openLogFile } from './log-file';

export type AppLogger = {
  readonly logger: Logger;
  /** Applies the configuration's level once it is known. */
  readonly setLevel: (level: LogLevel) => void;
  /** Hands the loaded credentials to the logger, which scrubs them from any line as a last line of defence. */
  readonly protect: (secrets: readonly string[]) => void;
};

/**
 * The app's logger, opened before anything else so that even a failed start leaves a line behind: JSON lines in
 * `<userData>/logs` and on stdout (journald under systemd). A log folder that cannot be written (the user-data
 * folder left owned by root by an install step) does not stop the kiosk: the lines go to stderr, and the first
 * one says why and what to fix.
 */
export const openAppLogger = (userDataDir: string): AppLogger => {
  let level: LogLevel = 'info';
  let secrets: readonly string[] = [];
  const logsDir = join(userDataDir, 'logs');
  let write: (line: string) => void;
  let problem: string | null = null;
  try {
    const file = openLogFile(logsDir);
    write = (line) => {
      file.write(line);
    };
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e);
    write = (line) => {
      process.stderr.write(`${line}\n`);
    };
  }
  const logger = createJsonLogger({ level: () => level, secrets: () => secrets, write });
  if (problem !== null)
    logger.error('app.log-folder-unwritable', {
      folder: logsDir,
      problem,
      fix: 'the user-data folder must belong to the user the kiosk runs as',
    });
  return {
    logger,
    setLevel: (next) => {
      level = next;
    },
    protect: (next) => {
      secrets = next;
    },
  };
};
