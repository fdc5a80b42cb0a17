import { existsSync } from 'node:fs';
import { openStore } from '../../adapters/sqlite/open-store';
import { readDiagnostics } from '../../core/diagnostics';
import { intValue, parseArgs, requireValue, UsageError } from '../args';
import type { CliIo, CommandGroup } from '../command';

const usage = 'journal status|audit|unlock --db FILE [--limit N] [--addr A --slot N]';

/**
 * The operator's view of a machine's journal (the kiosk.db in the app's user-data folder), safe to use
 * while the kiosk runs: SQLite's WAL lets a second reader in, and unlocking is one small transaction.
 */
export const journalCommand: CommandGroup = {
  name: 'journal',
  summary: 'show what needs an operator (locked slots, unknown outcomes, outbox) and clear a slot lock',
  usage,
  run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args, { values: ['db', 'limit', 'addr', 'slot'] });
    const [action] = parsed.positionals;
    const db = requireValue(parsed, 'db');
    if (!existsSync(db)) {
      io.err(`kioskctl journal: no database at ${db}`);
      return Promise.resolve(1);
    }
    const store = openStore(db);
    try {
      switch (action) {
        case 'status':
          io.out(JSON.stringify(readDiagnostics(store, { cacheAgeMs: null, clockSkewMs: null }), null, 2));
          return Promise.resolve(0);
        case 'audit':
          io.out(JSON.stringify(store.listAudit(intValue(parsed, 'limit', 50)), null, 2));
          return Promise.resolve(0);
        case 'unlock': {
          const addr = intValue(parsed, 'addr');
          const slot = intValue(parsed, 'slot');
          if (!store.clearSlotLock(addr, slot)) {
            io.err(`kioskctl journal: slot ${slot} on board ${addr} is not locked`);
            return Promise.resolve(1);
          }
          store.audit('slot.unlocked', { addr, slot, by: 'kioskctl' }, Date.now());
          io.out(JSON.stringify({ unlocked: { addr, slot } }));
          return Promise.resolve(0);
        }
        default:
          throw new UsageError(action === undefined ? 'missing action' : `unknown action "${action}"`);
      }
    } finally {
      store.close();
    }
  },
};
