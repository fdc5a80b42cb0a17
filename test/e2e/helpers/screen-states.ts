import type { Page } from 'playwright-core';
import { ipcErrorCodes, type IpcErrorCode } from '../../../electron/contract/errors';
import type { MaintenanceStatus } from '../../../electron/contract/maintenance-schemas';
import type { KioskState, RedemptionResult } from '../../../electron/contract/schemas';
import { pushProgress, type Script, type SubmitAnswer } from './scripted-kiosk';

export type ScreenState = {
  readonly name: string;
  /** What the page shows once reached: its `data-screen`. */
  readonly screen: string;
  readonly script: (language: string) => Script;
  /** Steps from the loaded page to the state; the screen is then awaited. */
  readonly reach: (page: Page) => Promise<void>;
};

const CODE = '24681357';

const baseState = (language: string, extra: Partial<KioskState> = {}): KioskState => ({
  mode: 'live',
  phase: 'ready',
  machineName: 'Lobby 2',
  language,
  languages: ['en', 'zh-CN'],
  sound: { volume: 60, muted: false },
  board: 'connected',
  entryLockedUntil: null,
  demoCodes: [],
  idleTimeoutSeconds: 600,
  supportContact: '+1 555 0100',
  ...extra,
});

const result = (
  outcome: RedemptionResult['outcome'],
  dispensed: number,
  of: number,
  owed = 0,
): SubmitAnswer => ({
  kind: 'result',
  result: {
    redemptionId: 'r-1',
    outcome,
    dispensed,
    of,
    productName: 'Sparkling water',
    reference: 'R7K2Q9',
    owed,
  },
});

const nothing = (): Promise<void> => Promise.resolve();

const typeCode = async (page: Page, code: string): Promise<void> => {
  await page.locator('[data-screen="entry"]').waitFor();
  // One key at a time, slower than a scanner, so the keys read as a person's typing.
  for (const character of code) await page.keyboard.press(character, { delay: 30 });
};

const submitCode = async (page: Page): Promise<void> => {
  await typeCode(page, CODE);
  await page.locator('.keypad__submit').click();
};

const ready =
  (answer: SubmitAnswer, extra: Partial<KioskState> = {}) =>
  (language: string): Script => ({
    state: baseState(language, extra),
    submit: answer,
  });

const pending: SubmitAnswer = { kind: 'pending' };

const dispensingAt =
  (unit: number, of: number) =>
  async (page: Page): Promise<void> => {
    await submitCode(page);
    await page.locator('[data-screen="checking"]').waitFor();
    await pushProgress(page, {
      redemptionId: 'r-1',
      stage: 'dispensing',
      unit,
      of,
      productName: 'Sparkling water',
    });
  };

/** A maintenance status with something in every list, so each of the screen's sections is drawn. */
const maintenanceStatus: MaintenanceStatus = {
  machineNo: '12345678',
  machineName: 'Lobby 2',
  version: '1.0.0',
  mode: 'live',
  phase: 'ready',
  outOfServiceReason: null,
  board: 'connected',
  credentialStore: { state: 'ready', message: 'credentials are encrypted by the OS store (gnome_libsecret)' },
  diagnostics: {
    outboxLength: 2,
    slotLocks: [
      { addr: 1, slot: 2, kind: 'unknown', reason: 'drop not confirmed', lockedAt: Date.UTC(2026, 11, 1, 9) },
    ],
    needsAttention: [
      {
        redemptionId: '20261201090000000001',
        codeMask: '******57',
        slotName: 'A02',
        note: 'drop not confirmed',
        at: Date.UTC(2026, 11, 1, 9),
      },
    ],
    owed: [],
    boardsOut: [],
    openRedemptions: 0,
    cacheAgeMs: 45_000,
    clockSkewMs: -2000,
  },
};

/** The operator's way in: hold the hidden corner (5 s), as a technician would. */
const holdCorner = async (page: Page): Promise<void> => {
  await page.locator('[data-screen="entry"]').waitFor();
  const corner = page.locator('.maintenance-corner');
  const box = await corner.boundingBox();
  if (box === null) throw new Error('the maintenance corner is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.locator('[data-screen="maintenance-pin"]').waitFor({ timeout: 10_000 });
  await page.mouse.up();
};

const openMaintenance = async (page: Page): Promise<void> => {
  await holdCorner(page);
  const pad = page.locator('.screen--maintenance-pin');
  for (const digit of '246813') await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.locator('.keypad__submit').click();
};

const refusal = (code: IpcErrorCode): ScreenState => ({
  name: `refusal-${code}`,
  screen: 'failed',
  // A wrong code says how many more the keypad takes, as the core answers it.
  script: ready({ kind: 'refusal', error: code === 'unknown-code' ? { code, triesLeft: 2 } : { code } }),
  reach: submitCode,
});

/**
 * Every error code a customer's submit can be answered with, taken from the contract so a new code gets its screen
 * state here without anyone listing it. Left out: the lockout (its own screen state) and the codes only the
 * maintenance screen or a hostile page can meet.
 */
const notCustomerRefusals = new Set<IpcErrorCode>([
  'locked-out',
  'forbidden',
  'pin-wrong',
  'maintenance-disabled',
]);
const refusalCodes: readonly IpcErrorCode[] = ipcErrorCodes.filter((code) => !notCustomerRefusals.has(code));

/** Every customer screen state, each reachable from a fresh page with a scripted machine behind it. */
export const screenStates: readonly ScreenState[] = [
  {
    name: 'starting',
    screen: 'starting',
    script: ready(pending, { phase: 'starting', startupStep: 'board' }),
    reach: nothing,
  },
  { name: 'entry-empty', screen: 'entry', script: ready(pending), reach: nothing },
  {
    name: 'entry-typed',
    screen: 'entry',
    script: ready(pending),
    reach: (page) => typeCode(page, CODE.slice(0, 4)),
  },
  {
    name: 'attract',
    screen: 'attract',
    // One second of quiet on the empty entry brings it up.
    script: ready(pending, { attract: true, idleTimeoutSeconds: 1 }),
    reach: nothing,
  },
  {
    name: 'maintenance-pin',
    screen: 'maintenance-pin',
    script: (language) => ({ ...ready(pending)(language), maintenance: maintenanceStatus }),
    reach: holdCorner,
  },
  {
    name: 'maintenance',
    screen: 'maintenance',
    script: (language) => ({ ...ready(pending)(language), maintenance: maintenanceStatus }),
    reach: openMaintenance,
  },
  {
    name: 'demo-banner',
    screen: 'entry',
    script: ready(pending, { mode: 'demo', demoCodes: [CODE] }),
    reach: nothing,
  },
  {
    name: 'locked-out',
    screen: 'locked-out',
    script: (language) => ({
      state: baseState(language, { entryLockedUntil: Date.now() + 10 * 60_000 }),
      submit: pending,
    }),
    reach: nothing,
  },
  {
    name: 'out-of-service',
    screen: 'out-of-service',
    script: ready(pending, { phase: 'out-of-service' }),
    reach: nothing,
  },
  { name: 'checking', screen: 'checking', script: ready(pending), reach: submitCode },
  { name: 'dispensing-1-of-1', screen: 'dispensing', script: ready(pending), reach: dispensingAt(1, 1) },
  { name: 'dispensing-2-of-3', screen: 'dispensing', script: ready(pending), reach: dispensingAt(2, 3) },
  { name: 'success-1', screen: 'success', script: ready(result('success', 1, 1)), reach: submitCode },
  { name: 'success-3', screen: 'success', script: ready(result('success', 3, 3)), reach: submitCode },
  { name: 'partial', screen: 'partial', script: ready(result('partial', 1, 3)), reach: submitCode },
  { name: 'owed', screen: 'partial', script: ready(result('partial', 1, 3, 2)), reach: submitCode },
  { name: 'failed', screen: 'failed', script: ready(result('failed', 0, 1)), reach: submitCode },
  { name: 'attention', screen: 'attention', script: ready(result('attention', 0, 1)), reach: submitCode },
  ...refusalCodes.map(refusal),
];
