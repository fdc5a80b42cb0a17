import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/adapters/sqlite/open-store';
import { runCli } from '../../../electron/cli/main';
import { captureCliIo } from '../../fakes/capture-cli-io';

const dirs: string[] = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  });
});

const journalWithLock = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-journal-'));
  dirs.push(dir);
  const db = join(dir, 'kiosk.db');
  const store = openStore(db);
  store.lockSlot({
    addr: 1,
    slot: 21,
    kind: 'unknown',
    reason: 'reply lost',
    redemptionId: null,
    lockedAt: 5,
  });
  store.enqueueOutbox('order', null, '{}', 5);
  store.close();
  return db;
};

describe('kioskctl journal', () => {
  it('shows the locked slots and the outbox of a machine database', async () => {
    const db = journalWithLock();
    const io = captureCliIo();
    await expect(runCli(['journal', 'status', '--db', db], io)).resolves.toBe(0);
    const status = JSON.parse(io.stdout.join('\n')) as {
      outboxLength: number;
      slotLocks: { slot: number }[];
    };
    expect(status.outboxLength).toBe(1);
    expect(status.slotLocks.map((l) => l.slot)).toEqual([21]);
  });

  it('clears a slot lock once, audits it, and says so when there is nothing to clear', async () => {
    const db = journalWithLock();
    await expect(
      runCli(['journal', 'unlock', '--db', db, '--addr', '1', '--slot', '21'], captureCliIo()),
    ).resolves.toBe(0);
    const again = captureCliIo();
    await expect(
      runCli(['journal', 'unlock', '--db', db, '--addr', '1', '--slot', '21'], again),
    ).resolves.toBe(1);
    expect(again.stderr.join('')).toContain('not locked');
    const audit = captureCliIo();
    await runCli(['journal', 'audit', '--db', db], audit);
    expect(audit.all()).toContain('slot.unlocked');
  });

  it('refuses a missing database and an unknown action', async () => {
    const io = captureCliIo();
    await expect(runCli(['journal', 'status', '--db', '/nonexistent/kiosk.db'], io)).resolves.toBe(1);
    await expect(runCli(['journal', 'explode', '--db', journalWithLock()], captureCliIo())).resolves.toBe(2);
  });
});
