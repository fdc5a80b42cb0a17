import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invokeChannels, type InvokeMethod } from '../../../../electron/contract/channels';
import {
  maintenanceStatusSchema,
  type MaintenanceStatus,
} from '../../../../electron/contract/maintenance-schemas';
import { recentLogSchema } from '../../../../electron/contract/operator-schemas';
import { err, ok, type Result } from '../../../../electron/contract/result';
import { hashPin } from '../../../../electron/core/security/pin-hash';
import { createIpcDispatcher } from '../../../../electron/main/ipc/create-ipc-dispatcher';
import { maintenanceDisabledHandlers } from '../../../../electron/main/maintenance/maintenance-handlers';
import {
  outOfServiceMaintenance,
  runtimeMaintenance,
  type MaintenanceContext,
} from '../../../../electron/main/maintenance/wire-maintenance';
import { outOfServiceHandlers } from '../../../../electron/main/out-of-service';
import { runtimeHandlers } from '../../../../electron/main/start-kiosk';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { codes, startHarness, testConfig, type Harness } from '../../core/redemption/harness';

const PIN = '802514';
const pinHash = hashPin(PIN, Buffer.alloc(16, 9));
const app = { url: 'file:///opt/kiosk/out/renderer/index.html', isMainFrame: true };

let harness: Harness | null = null;
let folder: string | null = null;
afterEach(async () => {
  await harness?.core.stop();
  harness = null;
  if (folder !== null) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

/** A user-data folder with a log file in it, as app-logger.ts writes one. */
const userData = (lines: readonly string[]): string => {
  folder = mkdtempSync(join(tmpdir(), 'kiosk-operator-'));
  mkdirSync(join(folder, 'logs'));
  writeFileSync(join(folder, 'logs', 'kiosk-2026-01-02.log'), lines.map((l) => `${l}\n`).join(''));
  return folder;
};

const context = (h: Pick<Harness, 'clock' | 'logger'>, userDataDir?: string): MaintenanceContext => ({
  config: testConfig({ machineName: 'Lobby kiosk', maintenance: { pinHash } }),
  credentialStore: { state: 'ready', message: 'credentials are encrypted by the OS store (kwallet5)' },
  version: '1.2.3',
  clock: h.clock,
  logger: h.logger,
  ...(userDataDir === undefined ? {} : { userDataDir }),
});

/** The whole main-side path: sender check, the contract's schema, the PIN session, the core, the database. */
const ipcFor = (h: Harness, userDataDir?: string) => {
  const ipc = createIpcDispatcher({
    handlers: runtimeHandlers({ core: h.core }, runtimeMaintenance(context(h, userDataDir), h.core)),
    isTrustedSender: () => true,
    logger: h.logger,
  });
  return (method: InvokeMethod, input: unknown) => ipc.dispatch(invokeChannels[method], app, input);
};

const statusOf = (answer: Result<unknown, unknown>): MaintenanceStatus => {
  if (!answer.ok) throw new Error(`refused: ${JSON.stringify(answer.error)}`);
  return maintenanceStatusSchema.parse(answer.value);
};
const auditKinds = (h: Harness): string[] => h.store.listAudit(100).map((a) => a.kind);

const operatorCalls: [InvokeMethod, unknown][] = [
  ['maintenanceTestDispense', { addr: 1, slot: 0 }],
  ['maintenanceRestock', { productId: 101, count: 10 }],
  ['maintenanceResolveAttention', { redemptionId: '202601010000000000000001', note: 'ok' }],
  ['maintenanceSetService', { inService: false }],
  ['maintenanceSetSound', { muted: true }],
  ['maintenanceRecentLog', { lines: 10 }],
];

describe('operator tools on the maintenance screen', () => {
  it('refuses every tool without the PIN: forbidden, and nothing is driven or changed', async () => {
    const h = (harness = await startHarness());
    const call = ipcFor(h);
    for (const [method, input] of operatorCalls)
      await expect(call(method, input)).resolves.toEqual(err({ code: 'forbidden' }));
    await call('maintenanceOpen', { pin: '000000' });
    await expect(call('maintenanceTestDispense', { addr: 1, slot: 0 })).resolves.toEqual(
      err({ code: 'forbidden' }),
    );
    expect(h.board.dispensed).toEqual([]);
    expect(h.core.operator.service().inService).toBe(true);
    expect(h.store.getProduct(101)?.stock).toBe(8);
    expect(h.logger.lines.filter((l) => l.event === 'maintenance.forbidden')).toHaveLength(7);
    expect(h.core.getState().sound).toEqual({ volume: 60, muted: false });
  });

  it('test-dispenses, restocks and switches service inside a session, each answered with the new status and audited', async () => {
    const h = (harness = await startHarness());
    const call = ipcFor(h);
    statusOf(await call('maintenanceOpen', { pin: PIN }));

    const tested = statusOf(await call('maintenanceTestDispense', { addr: 1, slot: 0 }));
    expect(tested.operator?.lastTest).toMatchObject({
      addr: 1,
      slot: 0,
      state: 'success',
      by: 'maintenance',
    });
    expect(tested.operator?.slots.find((s) => s.productId === 101)?.stock).toBe(7);

    const restocked = statusOf(await call('maintenanceRestock', { productId: 101, count: 10 }));
    expect(restocked.operator?.slots.find((s) => s.productId === 101)?.stock).toBe(10);

    const off = statusOf(await call('maintenanceSetService', { inService: false }));
    expect(off.phase).toBe('out-of-service');
    expect(off.operator?.service).toMatchObject({ inService: false, by: 'maintenance' });
    await expect(h.core.submitCode(codes.one)).resolves.toEqual(err({ code: 'out-of-service' }));
    const on = statusOf(await call('maintenanceSetService', { inService: true }));
    expect(on.phase).toBe('ready');

    expect(auditKinds(h)).toEqual(
      expect.arrayContaining([
        'maintenance.test-dispense',
        'test-dispense.finished',
        'maintenance.restock',
        'stock.restocked',
        'maintenance.service-off',
        'service.off',
        'maintenance.service-on',
        'service.on',
      ]),
    );
    const audited = h.store.listAudit(100).find((a) => a.kind === 'maintenance.test-dispense');
    expect(JSON.parse(audited?.detail ?? '{}')).toMatchObject({ addr: 1, slot: 0, outcome: 'success' });
  });

  it('sets the volume and the mute inside a session: published at once, audited, kept across a restart', async () => {
    const h = (harness = await startHarness());
    const call = ipcFor(h);
    statusOf(await call('maintenanceOpen', { pin: PIN }));
    const states: unknown[] = [];
    h.core.on('state', (state) => states.push(state.sound));
    statusOf(await call('maintenanceSetSound', { volume: 30 }));
    statusOf(await call('maintenanceSetSound', { muted: true }));
    // The same value again changes nothing, and says nothing.
    statusOf(await call('maintenanceSetSound', { muted: true }));
    expect(states).toEqual([
      { volume: 30, muted: false },
      { volume: 30, muted: true },
    ]);
    // Newest first, as the audit lists it.
    const audited = h.store.listAudit(100).filter((a) => a.kind === 'maintenance.sound');
    expect(audited.map((a) => JSON.parse(a.detail) as unknown)).toEqual([
      expect.objectContaining({ volume: 30, muted: true }),
      expect.objectContaining({ volume: 30, muted: true }),
      expect.objectContaining({ volume: 30, muted: false }),
    ]);
    await h.core.stop();
    const again = await h.restart();
    expect(again.getState().sound).toEqual({ volume: 30, muted: true });
    await again.stop();
  });

  it('resolves an attention item with the note, and the list then leaves it out', async () => {
    const h = (harness = await startHarness());
    h.board.queue({ outcome: 'unknown', reason: 'drop not confirmed' });
    const pickup = await h.core.submitCode(codes.one);
    const id = pickup.ok ? pickup.value.redemptionId : '';
    const call = ipcFor(h);
    const opened = statusOf(await call('maintenanceOpen', { pin: PIN }));
    expect(opened.diagnostics?.needsAttention.map((r) => r.redemptionId)).toEqual([id]);
    const resolved = statusOf(
      await call('maintenanceResolveAttention', { redemptionId: id, note: 'item was in the tray' }),
    );
    expect(resolved.diagnostics?.needsAttention).toEqual([]);
    await expect(call('maintenanceResolveAttention', { redemptionId: id, note: 'again' })).resolves.toEqual(
      err({ code: 'invalid-input' }),
    );
    const audited = h.store.listAudit(100).filter((a) => a.kind === 'maintenance.resolve-attention');
    expect(audited.map((a) => JSON.parse(a.detail) as unknown)).toEqual([
      expect.objectContaining({
        refused: 'invalid-input',
        reason: expect.stringContaining('does not need attention') as unknown,
      }),
      expect.objectContaining({ redemption: id, note: 'item was in the tray' }),
    ]);
  });

  it('answers a refused test with its code, and the reason goes to the audit', async () => {
    const h = (harness = await startHarness());
    const call = ipcFor(h);
    await call('maintenanceOpen', { pin: PIN });
    h.board.preflightRefusal = 'drop sensor blocked';
    await expect(call('maintenanceTestDispense', { addr: 1, slot: 0 })).resolves.toEqual(
      err({ code: 'out-of-service' }),
    );
    await expect(call('maintenanceTestDispense', { addr: 7, slot: 0 })).resolves.toEqual(
      err({ code: 'invalid-input' }),
    );
    await expect(call('maintenanceRestock', { productId: 999, count: 1 })).resolves.toEqual(
      err({ code: 'invalid-input' }),
    );
    const refusal = h.store.listAudit(100).find((a) => a.kind === 'maintenance.test-dispense');
    expect(JSON.parse(refusal?.detail ?? '{}')).toMatchObject({ addr: 7, refused: 'invalid-input' });
    expect(h.board.dispensed).toEqual([]);
  });

  it.each<[InvokeMethod, unknown]>([
    ['maintenanceTestDispense', { addr: 9, slot: 0 }],
    ['maintenanceTestDispense', { addr: 1, slot: 100 }],
    ['maintenanceTestDispense', { addr: '1', slot: 0 }],
    ['maintenanceTestDispense', { addr: 1, slot: 0, force: true }],
    ['maintenanceTestDispense', { addr: 1.5, slot: 0 }],
    ['maintenanceRestock', { productId: 101, count: -1 }],
    ['maintenanceRestock', { productId: 101, count: 1e9 }],
    ['maintenanceRestock', { productId: 0, count: 1 }],
    ['maintenanceRestock', { productId: 101, count: Number.NaN }],
    ['maintenanceRestock', { productId: 101 }],
    ['maintenanceResolveAttention', { redemptionId: '1; DROP TABLE audit', note: 'x' }],
    ['maintenanceResolveAttention', { redemptionId: '202601010000000000000001', note: '' }],
    ['maintenanceResolveAttention', { redemptionId: '202601010000000000000001', note: 'x'.repeat(201) }],
    ['maintenanceResolveAttention', { redemptionId: '202601010000000000000001', note: 'ok\nforged: entry' }],
    ['maintenanceResolveAttention', { redemptionId: '202601010000000000000001', note: 'ok\u2028' }],
    ['maintenanceSetService', { inService: 'false' }],
    ['maintenanceSetService', { inService: 0 }],
    ['maintenanceSetService', {}],
    ['maintenanceSetSound', {}],
    ['maintenanceSetSound', { volume: 101 }],
    ['maintenanceSetSound', { volume: -1 }],
    ['maintenanceSetSound', { volume: 55.5 }],
    ['maintenanceSetSound', { muted: 'yes' }],
    ['maintenanceSetSound', { volume: 50, loud: true }],
    ['maintenanceRecentLog', { lines: 0 }],
    ['maintenanceRecentLog', { lines: 1001 }],
    ['maintenanceRecentLog', { lines: 10, path: '/etc/shadow' }],
    ['maintenanceRecentLog', JSON.parse('{"lines":10,"__proto__":{"x":1}}') as unknown],
    ['maintenanceRecentLog', null],
  ])('refuses the hostile payload %s %j before it reaches the session', async (method, input) => {
    const h = (harness = await startHarness());
    const call = ipcFor(h);
    await call('maintenanceOpen', { pin: PIN });
    await expect(call(method, input)).resolves.toEqual(err({ code: 'invalid-input' }));
    expect(h.board.dispensed).toEqual([]);
    expect(auditKinds(h).filter((k) => k.startsWith('maintenance.') && k !== 'maintenance.opened')).toEqual(
      [],
    );
  });

  it('shows the newest log lines, oldest first, a damaged line as text', async () => {
    const h = (harness = await startHarness());
    const lines = [
      '{"t":"2026-01-02T09:00:00.000Z","level":"info","event":"core.ready","mode":"live","outbox":0}',
      '{"t":"2026-01-02T09:00:01.000Z","level":"error","event":"unit.unknown","slot":"A01"}',
      '{"t":"2026-01-02T09:00:02.0',
      '{"t":"2026-01-02T09:00:03.000Z","level":"warn","event":"service.off","by":"kioskctl"}',
    ];
    const call = ipcFor(h, userData(lines));
    await call('maintenanceOpen', { pin: PIN });
    const answer = await call('maintenanceRecentLog', { lines: 3 });
    expect(answer.ok).toBe(true);
    expect(recentLogSchema.parse(answer.ok ? answer.value : null).events).toEqual([
      { t: '2026-01-02T09:00:01.000Z', level: 'error', event: 'unit.unknown', detail: '{"slot":"A01"}' },
      { t: '', level: 'unreadable', event: '', detail: '{"t":"2026-01-02T09:00:02.0' },
      { t: '2026-01-02T09:00:03.000Z', level: 'warn', event: 'service.off', detail: '{"by":"kioskctl"}' },
    ]);
    expect(auditKinds(h)).toContain('maintenance.recent-log');
  });
});

describe('operator tools where the kiosk cannot run', () => {
  it('still shows the log, and refuses the rest as out of service', async () => {
    const logger = new MemoryLogger();
    const clock = new ManualClock();
    const dir = userData(['{"t":"2026-01-02T09:00:00.000Z","level":"error","event":"config.invalid"}']);
    const ipc = createIpcDispatcher({
      handlers: outOfServiceHandlers(
        'Lobby',
        'en',
        outOfServiceMaintenance(context({ clock, logger }, dir), 'x'),
      ),
      isTrustedSender: () => true,
      logger,
    });
    const call = (method: InvokeMethod, input: unknown) => ipc.dispatch(invokeChannels[method], app, input);
    await call('maintenanceOpen', { pin: PIN });
    for (const [method, input] of operatorCalls.slice(0, 4))
      await expect(call(method, input)).resolves.toEqual(err({ code: 'out-of-service' }));
    const log = await call('maintenanceRecentLog', { lines: 50 });
    expect(log).toEqual(
      ok({
        events: [{ t: '2026-01-02T09:00:00.000Z', level: 'error', event: 'config.invalid', detail: '' }],
      }),
    );
  });

  it('has no tools at all when the screen is turned off', async () => {
    for (const [method, input] of operatorCalls)
      await expect(
        maintenanceDisabledHandlers[method as keyof typeof maintenanceDisabledHandlers](input as never),
      ).resolves.toEqual(err({ code: 'forbidden' }));
  });
});
