import type { Page } from 'playwright-core';
import { ipcErrorCodes, type IpcErrorCode } from '../../../electron/contract/errors';
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

const refusal = (code: IpcErrorCode): ScreenState => ({
  name: `refusal-${code}`,
  screen: 'failed',
  script: ready({ kind: 'refusal', error: { code } }),
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
