import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../../electron/contract/channels';
import { maintenanceStatusSchema } from '../../../../electron/contract/maintenance-schemas';
import { err, ok } from '../../../../electron/contract/result';
import { hashPin } from '../../../../electron/core/security/pin-hash';
import { createIpcDispatcher, type IpcHandlers } from '../../../../electron/main/ipc/create-ipc-dispatcher';
import { maintenanceHandlers } from '../../../../electron/main/maintenance/maintenance-handlers';
import { createMaintenanceSession } from '../../../../electron/main/maintenance/maintenance-session';
import {
  outOfServiceMaintenance,
  runtimeMaintenance,
  type MaintenanceContext,
} from '../../../../electron/main/maintenance/wire-maintenance';
import { outOfServiceStatus } from '../../../../electron/main/maintenance/maintenance-status';
import { pinStatePath } from '../../../../electron/main/maintenance/pin-state-file';
import { outOfServiceHandlers } from '../../../../electron/main/out-of-service';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { codes, startHarness, testConfig, type Harness } from '../../core/redemption/harness';

const PIN = '802514';
const pinHash = hashPin(PIN, Buffer.alloc(16, 7));
const app = { url: 'file:///opt/kiosk/out/renderer/index.html', isMainFrame: true };

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.core.stop();
  harness = null;
});

const identity = {
  machineNo: '12345678',
  version: '1.2.3',
  credentialStore: {
    state: 'ready' as const,
    message: 'credentials are encrypted by the OS store (kwallet5)',
  },
};

const context = (clock: ManualClock, logger: MemoryLogger): MaintenanceContext => ({
  config: testConfig({ machineName: 'Lobby kiosk', maintenance: { pinHash } }),
  credentialStore: { state: 'ready-weak', message: 'WEAK: no desktop keyring' },
  version: '1.2.3',
  clock,
  logger,
});

/** The whole main-side path: sender check, schema, session, core, database. */
const dispatcherFor = (
  handlers: Pick<IpcHandlers, 'getState' | 'submitCode'>,
  maintenance: ReturnType<typeof runtimeMaintenance>,
  logger: MemoryLogger,
) => createIpcDispatcher({ handlers: { ...handlers, ...maintenance }, isTrustedSender: () => true, logger });

describe('maintenance on the running kiosk', () => {
  it('lists the slot an unknown outcome locked, with the code masked, clears it, and audits it all', async () => {
    const h = (harness = await startHarness());
    h.board.queue({ outcome: 'unknown', reason: 'reply lost, status unreadable' });
    expect((await h.core.submitCode(codes.one)).ok).toBe(true);
    const maintenance = runtimeMaintenance(context(h.clock, h.logger), h.core);
    const ipc = dispatcherFor(
      {
        getState: () => Promise.resolve(ok(h.core.getState())),
        submitCode: ({ code }) => h.core.submitCode(code),
      },
      maintenance,
      h.logger,
    );

    const opened = await ipc.dispatch(invokeChannels.maintenanceOpen, app, { pin: PIN });
    const status = maintenanceStatusSchema.parse(opened.ok ? opened.value : null);
    expect(status).toMatchObject({
      machineNo: '12345678',
      version: '1.2.3',
      phase: 'ready',
      outOfServiceReason: null,
    });
    expect(status.credentialStore).toEqual({ state: 'ready-weak', message: 'WEAK: no desktop keyring' });
    expect(status.diagnostics?.slotLocks).toMatchObject([{ addr: 1, slot: 0 }]);
    expect(status.diagnostics?.needsAttention).toMatchObject([
      { codeMask: '******57', slotName: expect.any(String) as string },
    ]);
    expect(JSON.stringify(status)).not.toContain(codes.one);

    const after = await ipc.dispatch(invokeChannels.maintenanceClearLock, app, { addr: 1, slot: 0 });
    expect(after.ok && maintenanceStatusSchema.parse(after.value).diagnostics?.slotLocks).toEqual([]);
    expect(h.store.getSlotLock(1, 0)).toBeNull();
    await expect(ipc.dispatch(invokeChannels.maintenanceClose, app, {})).resolves.toEqual(
      ok({ closed: true }),
    );

    const audit = h.store.listAudit(50).map((a) => a.kind);
    expect(audit).toEqual(
      expect.arrayContaining([
        'maintenance.opened',
        'slot.unlocked',
        'maintenance.clear-lock',
        'maintenance.closed',
      ]),
    );
    expect(JSON.stringify(h.store.listAudit(50))).not.toContain(PIN);
  });

  it('refuses clearing a lock without a session: forbidden, and the lock stays', async () => {
    const h = (harness = await startHarness());
    h.board.queue({ outcome: 'unknown', reason: 'reply lost' });
    await h.core.submitCode(codes.one);
    const ipc = dispatcherFor(
      {
        getState: () => Promise.resolve(ok(h.core.getState())),
        submitCode: ({ code }) => h.core.submitCode(code),
      },
      runtimeMaintenance(context(h.clock, h.logger), h.core),
      h.logger,
    );
    await expect(
      ipc.dispatch(invokeChannels.maintenanceClearLock, app, { addr: 1, slot: 0 }),
    ).resolves.toEqual(err({ code: 'forbidden' }));
    expect(h.store.getSlotLock(1, 0)).not.toBeNull();
  });

  it('answers internal, never the status, when the status would carry a full pickup code', async () => {
    const logger = new MemoryLogger();
    const status = outOfServiceStatus({ ...identity, machineName: 'K', reason: 'test' });
    const leaky = {
      ...status,
      diagnostics: {
        outboxLength: 0,
        slotLocks: [],
        needsAttention: [{ redemptionId: 'r1', codeMask: '24681357', slotName: 'A1', note: null, at: 0 }],
        owed: [],
        boardsOut: [],
        openRedemptions: 0,
        cacheAgeMs: null,
        clockSkewMs: null,
      },
    };
    const session = createMaintenanceSession({
      pinHash,
      clock: new ManualClock(),
      logger,
      target: {
        status: () => leaky,
        clearSlotLock: () => ok(false),
        retryOutbox: () => Promise.resolve(ok(undefined)),
        settleOwed: () => ok(0),
      },
    });
    const ipc = createIpcDispatcher({
      handlers: outOfServiceHandlers('K', 'en', maintenanceHandlers(session)),
      isTrustedSender: () => true,
      logger,
    });
    const answer = await ipc.dispatch(invokeChannels.maintenanceOpen, app, { pin: PIN });
    expect(answer).toEqual(err({ code: 'internal' }));
    expect(JSON.stringify(answer)).not.toContain('24681357');
    expect(logger.has('ipc.internal')).toBe(true);
  });
});

describe('maintenance while out of service', () => {
  it('opens with the PIN and says why the kiosk is out of service, but can act on nothing', async () => {
    const logger = new MemoryLogger();
    const reason = 'credentials: no credentials yet: put the provisioning file in place';
    const ipc = createIpcDispatcher({
      handlers: outOfServiceHandlers(
        'Lobby',
        'en',
        outOfServiceMaintenance(context(new ManualClock(), logger), reason),
      ),
      isTrustedSender: () => true,
      logger,
    });
    const opened = await ipc.dispatch(invokeChannels.maintenanceOpen, app, { pin: PIN });
    expect(opened).toEqual(
      ok({
        machineNo: '12345678',
        machineName: 'Lobby kiosk',
        version: '1.2.3',
        mode: 'live',
        phase: 'out-of-service',
        outOfServiceReason: reason,
        board: 'down',
        credentialStore: { state: 'ready-weak', message: 'WEAK: no desktop keyring' },
        diagnostics: null,
      }),
    );
    await expect(
      ipc.dispatch(invokeChannels.maintenanceClearLock, app, { addr: 1, slot: 0 }),
    ).resolves.toEqual(err({ code: 'out-of-service' }));
    await expect(ipc.dispatch(invokeChannels.maintenanceRetryOutbox, app, {})).resolves.toEqual(
      err({ code: 'out-of-service' }),
    );
    expect(logger.has('maintenance.opened')).toBe(true);
  });

  it('stays disabled on the out-of-service screen when no configuration was loaded', async () => {
    const ipc = createIpcDispatcher({
      handlers: outOfServiceHandlers('K', 'en'),
      isTrustedSender: () => true,
      logger: new MemoryLogger(),
    });
    await expect(ipc.dispatch(invokeChannels.maintenanceOpen, app, { pin: PIN })).resolves.toEqual(
      err({ code: 'maintenance-disabled' }),
    );
    await expect(ipc.dispatch(invokeChannels.maintenanceStatus, app, {})).resolves.toEqual(
      err({ code: 'forbidden' }),
    );
  });
});

describe('maintenance: the wrong-PIN count on disk', () => {
  it('is shared by the out-of-service shell and the running kiosk, so neither a restart nor a switch forgives it', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'kiosk-userdata-'));
    const h = (harness = await startHarness());
    const withDir: MaintenanceContext = { ...context(h.clock, h.logger), userDataDir };
    const outOfService = outOfServiceMaintenance(withDir, 'credentials: test');
    await outOfService.maintenanceOpen({ pin: '111111' });
    await outOfService.maintenanceOpen({ pin: '111112' });
    const running = runtimeMaintenance(withDir, h.core);
    await expect(running.maintenanceOpen({ pin: '111113' })).resolves.toEqual(
      err({ code: 'locked-out', retryAfterSeconds: 300 }),
    );
    await expect(runtimeMaintenance(withDir, h.core).maintenanceOpen({ pin: PIN })).resolves.toEqual(
      err({ code: 'locked-out', retryAfterSeconds: 300 }),
    );
    expect(statSync(pinStatePath(userDataDir)).mode & 0o777).toBe(0o600);
  });

  it('says in the log when it has nowhere to keep the count', () => {
    const logger = new MemoryLogger();
    outOfServiceMaintenance(context(new ManualClock(), logger), 'test');
    expect(logger.has('maintenance.pin-state-in-memory')).toBe(true);
  });
});
