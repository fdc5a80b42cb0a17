import { DEFAULT_LOG_LIMITS, type LogLimits } from '../adapters/log-retention';
import { openRotatingLogFile } from '../adapters/rotating-log-file';

/**
 * The kiosk's log: files under the user-data folder (0600 in a 0700 folder, rotated by day and by size, bounded
 * in total: electron/adapters/rotating-log-file.ts), and a copy on stdout for journald when run as a systemd
 * service. The copy is written first, so a line the disk refuses (full, read-only) still reaches the journal;
 * such a failure is said once on stderr instead of throwing into the code that logged.
 */
export const openLogFile = (dir: string, limits: LogLimits = DEFAULT_LOG_LIMITS, now?: () => Date) => {
  const file = openRotatingLogFile(dir, limits, now);
  let failing = false;
  return {
    write(line: string): void {
      process.stdout.write(`${line}\n`);
      try {
        file.write(line);
        failing = false;
      } catch (e) {
        if (!failing)
          process.stderr.write(`log file ${dir}: ${e instanceof Error ? e.message : String(e)}\n`);
        failing = true;
      }
    },
  };
};
