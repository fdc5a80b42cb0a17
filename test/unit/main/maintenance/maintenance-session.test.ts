import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MaintenanceStatus } from '../../../../electron/contract/maintenance-schemas';
import { err, ok } from '../../../../electron/contract/result';
import type { LogFields } from '../../../../electron/core/ports/logger';
import { hashPin } from '../../../../electron/core/security/pin-hash';
import {
  createMaintenanceSession,
  SESSION_IDLE_MS,
  type MaintenanceTarget,
} from '../../../../electron/main/maintenance/maintenance-session';
import { fileCell, pinStatePath } from '../../../../electron/main/maintenance/pin-state-file';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';

const PIN = '246810';
const pinHash = hashPin(PIN, Buffer.from('00112233445566778899aabbccddeeff', 'hex'));

const aStatus = (outboxLength = 2): MaintenanceStatus => ({
  machineNo: '12345678',
  machineName: 'Lobby kiosk',
  version: '0.1.0',
  mode: 'live',
  phase: 'ready',
  outOfServiceReason: null,
  board: 'connected',
  credentialStore: { state: 'ready', message: 'credentials are encrypted by the OS store (gnome_libsecret)' },
  diagnostics: {
    outboxLength,
    slotLocks: [{ addr: 1, slot: 2, kind: 'unknown', reason: 'unknown outcome', lockedAt: 1 }],
    needsAttention: [],
    owed: [],
    boardsOut: [],
    openRedemptions: 0,
    cacheAgeMs: 1000,
    clockSkewMs: null,
  },
});

/** A target that records what the session asked of it. */
const fakeTarget = () => {
  const audits: { kind: string; detail: LogFields }[] = [];
  const cleared: [number, number][] = [];
  const settled: string[] = [];
  let outbox = 2;
  const target: MaintenanceTarget = {
    status: () => aStatus(outbox),
    clearSlotLock: (addr, slot) => {
      cleared.push([addr, slot]);
      return ok(addr === 1 && slot === 2);
    },
    retryOutbox: () => {
      outbox = 0;
      return Promise.resolve(ok(undefined));
    },
    settleOwed: (redemptionId) => {
      settled.push(redemptionId);
      return redemptionId === '202601010000000000000001' ? ok(2) : err({ code: 'invalid-input' });
    },
    audit: (kind, detail) => audits.push({ kind, detail }),
  };
  return { target, audits, cleared, settled, kinds: () => audits.map((a) => a.kind) };
};

const setup = (hash: string | null = pinHash) => {
  const clock = new ManualClock();
  const logger = new MemoryLogger();
  const fake = fakeTarget();
  const session = createMaintenanceSession({ pinHash: hash, target: fake.target, clock, logger });
  return { clock, logger, session, ...fake };
};

describe('maintenance session: the PIN', () => {
  it('opens with the right PIN, shows the status, and writes the audit log and the log', async () => {
    const { session, kinds, logger } = setup();
    expect(await session.open(PIN)).toEqual(ok(aStatus()));
    expect(session.isOpen()).toBe(true);
    expect(kinds()).toEqual(['maintenance.opened']);
    expect(logger.has('maintenance.opened')).toBe(true);
  });

  it('refuses a wrong PIN without opening, and audits it without the PIN', async () => {
    const { session, audits, logger } = setup();
    expect(await session.open('135790')).toEqual(err({ code: 'pin-wrong' }));
    expect(session.isOpen()).toBe(false);
    expect(audits).toEqual([{ kind: 'maintenance.pin-wrong', detail: { lockedOutSeconds: null, level: 0 } }]);
    expect(logger.text()).not.toContain('135790');
    expect(JSON.stringify(audits)).not.toContain(pinHash.slice(-16));
  });

  it('answers maintenance-disabled when the configuration sets no PIN hash, whatever is typed', async () => {
    const { session, audits } = setup(null);
    expect(await session.open(PIN)).toEqual(err({ code: 'maintenance-disabled' }));
    expect(session.status()).toEqual(err({ code: 'forbidden' }));
    expect(audits).toEqual([]);
  });

  it('locks the keypad for 5 minutes after 3 wrong PINs, refusing even the right one meanwhile', async () => {
    const { session, clock, audits } = setup();
    expect(await session.open('000000')).toEqual(err({ code: 'pin-wrong' }));
    expect(await session.open('000001')).toEqual(err({ code: 'pin-wrong' }));
    expect(await session.open('000002')).toEqual(err({ code: 'locked-out', retryAfterSeconds: 300 }));
    expect(audits.at(-1)?.detail).toEqual({ lockedOutSeconds: 300, level: 1 });
    await clock.advance(60_000);
    expect(await session.open(PIN)).toEqual(err({ code: 'locked-out', retryAfterSeconds: 240 }));
    await clock.advance(240_000);
    expect((await session.open(PIN)).ok).toBe(true);
  });

  it('counts PINs sent side by side before checking any, so a flood cannot outrun the lockout', async () => {
    const { session, audits } = setup();
    const answers = await Promise.all(
      ['000000', '000001', '000002', '000003', '000004'].map((p) => session.open(p)),
    );
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([
      'pin-wrong',
      'pin-wrong',
      'locked-out',
      'locked-out',
      'locked-out',
    ]);
    expect(audits.filter((a) => a.kind === 'maintenance.pin-wrong')).toHaveLength(3);
  });

  it('keeps the count across a restart: a new session over the same state file', async () => {
    const pinState = fileCell(pinStatePath(mkdtempSync(join(tmpdir(), 'pin-session-'))));
    const clock = new ManualClock();
    const boot = () =>
      createMaintenanceSession({
        pinHash,
        target: fakeTarget().target,
        clock,
        logger: new MemoryLogger(),
        pinState,
      });
    expect(await boot().open('000000')).toEqual(err({ code: 'pin-wrong' }));
    expect(await boot().open('000001')).toEqual(err({ code: 'pin-wrong' }));
    expect(await boot().open('000002')).toEqual(err({ code: 'locked-out', retryAfterSeconds: 300 }));
    expect(await boot().open(PIN)).toEqual(err({ code: 'locked-out', retryAfterSeconds: 300 }));
    await clock.advance(300_000);
    expect((await boot().open(PIN)).ok).toBe(true);
  });

  it('forgives earlier lockouts after the right PIN', async () => {
    const { session, clock } = setup();
    for (let i = 0; i < 3; i++) await session.open('000000');
    await clock.advance(300_000);
    expect((await session.open(PIN)).ok).toBe(true);
    for (let i = 0; i < 2; i++) expect(await session.open('000000')).toEqual(err({ code: 'pin-wrong' }));
    expect(await session.open('000000')).toEqual(err({ code: 'locked-out', retryAfterSeconds: 300 }));
  });

  it('ends an open session when anyone tries the PIN again', async () => {
    const { session, audits } = setup();
    await session.open(PIN);
    expect(await session.open('999999')).toEqual(err({ code: 'pin-wrong' }));
    expect(session.isOpen()).toBe(false);
    expect(audits.map((a) => a.kind)).toEqual([
      'maintenance.opened',
      'maintenance.closed',
      'maintenance.pin-wrong',
    ]);
    expect(audits[1]?.detail).toEqual({ by: 'new-open' });
  });
});

describe('maintenance session: only inside a session', () => {
  it('answers forbidden to every method but open, and touches nothing', async () => {
    const { session, cleared, settled, logger } = setup();
    expect(session.status()).toEqual(err({ code: 'forbidden' }));
    expect(session.clearLock(1, 2)).toEqual(err({ code: 'forbidden' }));
    await expect(session.retryOutbox()).resolves.toEqual(err({ code: 'forbidden' }));
    expect(session.settleOwed('202601010000000000000001')).toEqual(err({ code: 'forbidden' }));
    expect(session.close()).toEqual(err({ code: 'forbidden' }));
    expect(cleared).toEqual([]);
    expect(settled).toEqual([]);
    expect(
      logger.lines.filter((l) => l.event === 'maintenance.forbidden').map((l) => l.fields.action),
    ).toEqual(['status', 'clear-lock', 'retry-outbox', 'settle-owed', 'close']);
  });

  it('settles what a code is owed, audits it, and passes a refusal through', async () => {
    const { session, settled, audits } = setup();
    await session.open(PIN);
    expect(session.settleOwed('202601010000000000000001').ok).toBe(true);
    expect(session.settleOwed('202601010000000000000002')).toEqual(err({ code: 'invalid-input' }));
    expect(settled).toEqual(['202601010000000000000001', '202601010000000000000002']);
    expect(audits.slice(1)).toEqual([
      { kind: 'maintenance.settle-owed', detail: { redemption: '202601010000000000000001', units: 2 } },
    ]);
  });

  it('clears a slot lock and audits it', async () => {
    const { session, cleared, audits } = setup();
    await session.open(PIN);
    expect(session.clearLock(1, 2).ok).toBe(true);
    expect(session.clearLock(3, 4).ok).toBe(true);
    expect(cleared).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(audits.slice(1)).toEqual([
      { kind: 'maintenance.clear-lock', detail: { addr: 1, slot: 2, cleared: true } },
      { kind: 'maintenance.clear-lock', detail: { addr: 3, slot: 4, cleared: false } },
    ]);
  });

  it('sends the outbox now and answers the fresh status', async () => {
    const { session, audits } = setup();
    await session.open(PIN);
    const answer = await session.retryOutbox();
    expect(answer.ok && answer.value.diagnostics?.outboxLength).toBe(0);
    expect(audits.at(-1)).toEqual({ kind: 'maintenance.retry-outbox', detail: { before: 2, after: 0 } });
  });

  it('closes on request, audits it, and refuses afterwards', async () => {
    const { session, kinds, clock } = setup();
    await session.open(PIN);
    expect(session.close()).toEqual(ok({ closed: true }));
    expect(session.status()).toEqual(err({ code: 'forbidden' }));
    expect(kinds()).toEqual(['maintenance.opened', 'maintenance.closed']);
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('maintenance session: expiry', () => {
  it('expires 2 minutes after the last maintenance call, and each call restarts the wait', async () => {
    const { session, clock, kinds } = setup();
    await session.open(PIN);
    await clock.advance(SESSION_IDLE_MS - 1000);
    expect(session.status().ok).toBe(true);
    await clock.advance(SESSION_IDLE_MS - 1000);
    expect(session.clearLock(1, 2).ok).toBe(true);
    await clock.advance(SESSION_IDLE_MS);
    expect(session.isOpen()).toBe(false);
    expect(session.status()).toEqual(err({ code: 'forbidden' }));
    expect(kinds()).toEqual(['maintenance.opened', 'maintenance.clear-lock', 'maintenance.expired']);
  });

  it('stays closed when it expired while reports were being sent', async () => {
    const { session, clock, target } = setup();
    let release: () => void = () => undefined;
    target.retryOutbox = () =>
      new Promise((resolve) => {
        release = () => {
          resolve(ok(undefined));
        };
      });
    await session.open(PIN);
    const pending = session.retryOutbox();
    await clock.advance(SESSION_IDLE_MS);
    release();
    await expect(pending).resolves.toEqual(err({ code: 'forbidden' }));
  });
});
