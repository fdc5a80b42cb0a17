import { appendFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The kiosk's log: one file per day under the user-data folder, the last 14 kept, and a copy on stdout for
 * journald when run as a systemd service. Appends are synchronous so the last line before a crash is on disk.
 */
export const openLogFile = (dir: string, keepDays = 14, now: () => Date = () => new Date()) => {
  mkdirSync(dir, { recursive: true });
  const prune = (): void => {
    const files = readdirSync(dir)
      .filter((f) => /^kiosk-\d{4}-\d{2}-\d{2}\.log$/.test(f))
      .sort();
    for (const old of files.slice(0, Math.max(0, files.length - keepDays)))
      rmSync(join(dir, old), { force: true });
  };
  prune();
  return {
    write(line: string): void {
      const file = join(dir, `kiosk-${now().toISOString().slice(0, 10)}.log`);
      const isNew = !statSync(file, { throwIfNoEntry: false });
      appendFileSync(file, `${line}\n`);
      process.stdout.write(`${line}\n`);
      if (isNew) prune();
    },
  };
};
