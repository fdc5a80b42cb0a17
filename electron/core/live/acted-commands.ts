import type { AdminStore } from '../ports/admin-store';
import type { LiveCommand } from './incoming';

const KEY = 'live.acted';
/** Far more than a timestamp window's worth of dashboard actions: the guard's window refuses anything older. */
const KEEP = 200;

/** Commands that move a motor or the machine's power: a replay of one must not act twice, even across a restart. */
export const hasSideEffect = (command: LiveCommand): boolean =>
  command.kind === 'test-dispense' || command.kind === 'power';

const read = (store: AdminStore): string[] => {
  const text = store.getMeta(KEY);
  if (text === null) return [];
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * Records the message's sign before the command runs; false when it was recorded already (a replay the in-memory
 * guard cannot see, because the kiosk restarted since it was first accepted).
 */
export const claimCommand = (store: AdminStore, sign: string): boolean => {
  const seen = read(store);
  const id = sign.toUpperCase();
  if (seen.includes(id)) return false;
  store.setMeta(KEY, JSON.stringify([...seen, id].slice(-KEEP)));
  return true;
};
