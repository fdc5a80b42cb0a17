import type { AdminStore } from '../../core/ports/admin-store';
import type { Db } from './database';
import type { AuditEntry, SlotLock, SlotLockKind } from '../../core/ports/store';

type RawLock = {
  addr: number;
  slot: number;
  kind: SlotLockKind;
  reason: string;
  redemption_id: string | null;
  locked_at: number;
};

const toLock = (r: RawLock): SlotLock => ({
  addr: r.addr,
  slot: r.slot,
  kind: r.kind,
  reason: r.reason,
  redemptionId: r.redemption_id,
  lockedAt: r.locked_at,
});

/** Slot locks, the audit log and small key/value settings. */
export const adminQueries = (db: Db): AdminStore => {
  const lock = db.prepare<[number, number, SlotLockKind, string, string | null, number]>(
    'INSERT OR REPLACE INTO slot_locks (addr, slot, kind, reason, redemption_id, locked_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const getLock = db.prepare<[number, number], RawLock>(
    'SELECT * FROM slot_locks WHERE addr = ? AND slot = ?',
  );
  const allLocks = db.prepare<[], RawLock>('SELECT * FROM slot_locks ORDER BY addr, slot');
  const clearLock = db.prepare<[number, number]>('DELETE FROM slot_locks WHERE addr = ? AND slot = ?');
  const audit = db.prepare<[number, string, string]>('INSERT INTO audit (at, kind, detail) VALUES (?, ?, ?)');
  const listAudit = db.prepare<[number], AuditEntry>(
    'SELECT id, at, kind, detail FROM audit ORDER BY id DESC LIMIT ?',
  );
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');

  return {
    lockSlot(l: SlotLock): void {
      lock.run(l.addr, l.slot, l.kind, l.reason, l.redemptionId, l.lockedAt);
    },
    getSlotLock(addr: number, slot: number): SlotLock | null {
      const raw = getLock.get(addr, slot);
      return raw ? toLock(raw) : null;
    },
    listSlotLocks(): SlotLock[] {
      return allLocks.all().map(toLock);
    },
    clearSlotLock(addr: number, slot: number): boolean {
      return clearLock.run(addr, slot).changes === 1;
    },
    audit(kind: string, detail: Readonly<Record<string, unknown>>, at: number): void {
      audit.run(at, kind, JSON.stringify(detail));
    },
    listAudit(limit: number): AuditEntry[] {
      return listAudit.all(limit);
    },
    getMeta(key: string): string | null {
      return getMeta.get(key)?.value ?? null;
    },
    setMeta(key: string, value: string): void {
      setMeta.run(key, value);
    },
  };
};
