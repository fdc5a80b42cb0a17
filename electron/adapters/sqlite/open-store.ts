import BetterSqlite3 from 'better-sqlite3';
import type { KioskStore } from '../../core/ports/store';
import { adminQueries } from './admin-queries';
import { catalogQueries } from './catalog-queries';
import { migrate } from './migrations';
import { outboxQueries } from './outbox-queries';
import { redemptionQueries } from './redemption-queries';

/**
 * Opens (and migrates) the kiosk database. WAL keeps reads cheap while writing; synchronous=FULL makes every
 * commit durable before it returns, which is what lets a journal write safely precede a motor command.
 * Pass ':memory:' for tests that do not need durability.
 */
export const openStore = (path: string): KioskStore => {
  const db = new BetterSqlite3(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return {
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    ...redemptionQueries(db),
    ...outboxQueries(db),
    ...catalogQueries(db),
    ...adminQueries(db),
    close: () => {
      db.close();
    },
  };
};
