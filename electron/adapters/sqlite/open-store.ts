import type { KioskStore } from '../../core/ports/store';
import { adminQueries } from './admin-queries';
import { catalogQueries } from './catalog-queries';
import { incidentQueries } from './incident-queries';
import { openDb, type Db } from './database';
import { migrate } from './migrations';
import { outboxQueries } from './outbox-queries';
import { redemptionQueries } from './redemption-queries';
import { rekeyQueries } from './rekey-queries';
import { retentionQueries } from './retention-queries';
import { stockQueries } from './stock-queries';
import { testDispenseQueries } from './test-dispense-queries';

/**
 * Opens (and migrates) the kiosk database. WAL keeps reads cheap while writing; synchronous=FULL makes every
 * commit durable before it returns, which is what lets a journal write safely precede a motor command.
 * Pass ':memory:' for tests that do not need durability.
 */
export const openKioskDb = (path: string): Db => {
  const db = openDb(path);
  if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  migrate(db);
  return db;
};

export const openStore = (path: string): KioskStore => {
  const db = openKioskDb(path);
  return {
    transaction: (fn) => db.transaction(fn),
    ...redemptionQueries(db),
    ...outboxQueries(db),
    ...catalogQueries(db),
    ...adminQueries(db),
    ...rekeyQueries(db),
    ...stockQueries(db),
    ...retentionQueries(db),
    ...incidentQueries(db),
    ...testDispenseQueries(db),
    close: () => {
      db.close();
    },
  };
};
