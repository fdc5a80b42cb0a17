import { describe, expect, it } from 'vitest';
import { methodSchemas } from '../../../electron/contract/api';
import { buildKioskApi } from '../../../electron/contract/build-kiosk-api';
import { invokeChannels } from '../../../electron/contract/channels';
import { ipcErrorCodes } from '../../../electron/contract/errors';
import {
  maintenanceStatusSchema,
  type MaintenanceStatus,
} from '../../../electron/contract/maintenance-schemas';

const maintenanceMethods = [
  'maintenanceOpen',
  'maintenanceStatus',
  'maintenanceClearLock',
  'maintenanceRetryOutbox',
  'maintenanceSettleOwed',
  'maintenanceClose',
] as const;

const status: MaintenanceStatus = {
  machineNo: '12345678',
  machineName: 'Lobby',
  version: '0.1.0',
  mode: 'live',
  phase: 'ready',
  outOfServiceReason: null,
  board: 'connected',
  credentialStore: { state: 'ready', message: 'credentials are encrypted by the OS store (gnome_libsecret)' },
  diagnostics: {
    outboxLength: 3,
    slotLocks: [{ addr: 1, slot: 2, kind: 'unknown', reason: 'unknown outcome', lockedAt: 1 }],
    needsAttention: [
      { redemptionId: 'r1', codeMask: '******57', slotName: 'A02', note: 'not confirmed', at: 2 },
    ],
    owed: [],
    boardsOut: [],
    openRedemptions: 0,
    cacheAgeMs: 12_000,
    clockSkewMs: -800,
  },
};

describe('maintenance contract: inputs from the page', () => {
  const open = methodSchemas.maintenanceOpen.input;
  const clear = methodSchemas.maintenanceClearLock.input;

  it('accepts a 4–12 digit PIN and slot addresses the board protocol allows', () => {
    expect(open.safeParse({ pin: '2468' }).success).toBe(true);
    expect(open.safeParse({ pin: '123456789012' }).success).toBe(true);
    expect(clear.safeParse({ addr: 1, slot: 0 }).success).toBe(true);
    expect(clear.safeParse({ addr: 8, slot: 99 }).success).toBe(true);
  });

  it.each([
    ['no pin', {}],
    ['too short', { pin: '123' }],
    ['too long', { pin: '1234567890123' }],
    ['letters', { pin: '12ab' }],
    ['full-width digits', { pin: '１２３４' }],
    ['a number, not text', { pin: 2468 }],
    ['an array', { pin: ['2468'] }],
    ['a newline smuggled in', { pin: '2468\n' }],
    ['an extra key', { pin: '2468', admin: true }],
    ['a prototype key', JSON.parse('{"pin":"2468","__proto__":{"admin":true}}') as unknown],
    ['null', null],
    ['a string', '2468'],
  ])('refuses an open with %s', (_name, input) => {
    expect(open.safeParse(input).success).toBe(false);
  });

  it.each([
    ['address 0', { addr: 0, slot: 1 }],
    ['address 9', { addr: 9, slot: 1 }],
    ['slot 100', { addr: 1, slot: 100 }],
    ['a negative slot', { addr: 1, slot: -1 }],
    ['a fractional slot', { addr: 1, slot: 1.5 }],
    ['numbers as text', { addr: '1', slot: '2' }],
    ['NaN', { addr: Number.NaN, slot: 1 }],
    ['Infinity', { addr: 1, slot: Number.POSITIVE_INFINITY }],
    ['an extra key', { addr: 1, slot: 2, all: true }],
    ['a missing slot', { addr: 1 }],
  ])('refuses clearing a lock with %s', (_name, input) => {
    expect(clear.safeParse(input).success).toBe(false);
  });

  it.each([
    ['a short id', { redemptionId: '12345' }],
    ['letters', { redemptionId: '2026010100000000000000ab' }],
    ['a SQL fragment', { redemptionId: "1' OR '1'='1" }],
    ['a number', { redemptionId: 2026010100 }],
    ['an extra key', { redemptionId: '202601010000000000000001', all: true }],
    ['nothing', {}],
  ])('refuses settling an owed code with %s', (_name, input) => {
    expect(methodSchemas.maintenanceSettleOwed.input.safeParse(input).success).toBe(false);
  });

  it('takes a trade id for settling an owed code', () => {
    expect(
      methodSchemas.maintenanceSettleOwed.input.safeParse({ redemptionId: '202601010000000000000001' })
        .success,
    ).toBe(true);
  });

  it('takes nothing but an empty object for status, retry and close', () => {
    for (const method of ['maintenanceStatus', 'maintenanceRetryOutbox', 'maintenanceClose'] as const) {
      expect(methodSchemas[method].input.safeParse({}).success).toBe(true);
      expect(methodSchemas[method].input.safeParse({ pin: '2468' }).success).toBe(false);
      expect(methodSchemas[method].input.safeParse(undefined).success).toBe(false);
    }
  });
});

describe('maintenance contract: the status answer', () => {
  it('accepts a status as main builds it', () => {
    expect(maintenanceStatusSchema.parse(status)).toEqual(status);
  });

  it.each([
    ['a full pickup code', '24681357'],
    ['three clear characters', '*****357'],
    ['no stars at all', '57'],
  ])('refuses %s where a masked code belongs', (_name, codeMask) => {
    const leaky = structuredClone(status);
    leaky.diagnostics?.needsAttention.splice(0, 1, {
      redemptionId: 'r1',
      codeMask,
      slotName: 'A02',
      note: null,
      at: 2,
    });
    expect(maintenanceStatusSchema.safeParse(leaky).success).toBe(false);
  });

  it('refuses any field it does not name, such as a credential or the PIN hash', () => {
    expect(maintenanceStatusSchema.safeParse({ ...status, pinHash: 'scrypt$00$00' }).success).toBe(false);
    expect(
      maintenanceStatusSchema.safeParse({
        ...status,
        credentialStore: { ...status.credentialStore, appSecret: 'test-secret' },
      }).success,
    ).toBe(false);
  });
});

describe('maintenance contract: channels and the page API', () => {
  it('gives every maintenance method its own kiosk: channel', () => {
    const channels = maintenanceMethods.map((m) => invokeChannels[m]);
    expect(new Set(Object.values(invokeChannels)).size).toBe(Object.keys(invokeChannels).length);
    for (const channel of channels) expect(channel).toMatch(/^kiosk:maintenance-[a-z-]+$/);
  });

  it('has the new error codes', () => {
    expect(ipcErrorCodes).toEqual(
      expect.arrayContaining(['pin-wrong', 'maintenance-disabled', 'locked-out', 'forbidden']),
    );
  });

  it('builds one page function per method that calls its channel with the input as given', async () => {
    const calls: [string, unknown][] = [];
    const api = buildKioskApi({
      invoke: (channel, input) => {
        calls.push([channel, input]);
        return Promise.resolve({ ok: true, value: null });
      },
      subscribe: () => () => undefined,
    });
    await api.maintenanceOpen({ pin: '2468' });
    await api.maintenanceStatus({});
    await api.maintenanceClearLock({ addr: 1, slot: 2 });
    await api.maintenanceRetryOutbox({});
    await api.maintenanceClose({});
    expect(calls).toEqual([
      ['kiosk:maintenance-open', { pin: '2468' }],
      ['kiosk:maintenance-status', {}],
      ['kiosk:maintenance-clear-lock', { addr: 1, slot: 2 }],
      ['kiosk:maintenance-retry-outbox', {}],
      ['kiosk:maintenance-close', {}],
    ]);
  });
});
