import { uptime } from 'node:os';

/**
 * When this machine's OS started, epoch ms, read once. A journal entry older than this was written before a
 * reboot or a power cut, which the driver board, on the same power, most likely went through too.
 */
export const machineBootedAt = (now: () => number = Date.now): (() => number) => {
  const bootedAt = now() - Math.round(uptime() * 1000);
  return () => bootedAt;
};
