import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcErrorCode } from '../../../electron/contract';
import { customerRefusals, refusalNext, type RefusalNext } from '../../../renderer/src/flow/refusal-plan';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-cn';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import {
  advance,
  currentScreen,
  pressKey,
  renderApp,
  settle,
  tap,
  tapDigits,
  typedCode,
  type RenderedApp,
} from '../render-app';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 9, 0, 0) });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const refused = async (
  code: IpcErrorCode,
  fake = new FakeKioskApi(readyState({ supportContact: '400-800-1234' })),
): Promise<RenderedApp> => {
  const view = await renderApp(fake);
  tapDigits('12345678');
  tap(/^(Get my item|取货)$/);
  await settle();
  fake.fail({ code });
  await settle();
  return view;
};

const buttons = (container: HTMLElement): string[] => {
  const shown = container.querySelector<HTMLElement>('[data-screen]');
  if (shown === null) throw new Error('no screen');
  return within(shown)
    .queryAllByRole('button')
    .map((button) => button.textContent);
};

const offered: Readonly<Record<RefusalNext, readonly string[]>> = {
  edit: ['Enter code again', 'Done'],
  retype: ['Enter code again'],
  done: ['Done'],
};

describe('a refused code: its own headline, sentence and next step', () => {
  it.each(customerRefusals)('%s', async (code) => {
    const { container } = await refused(code);
    const copy = en.refusals[code];
    expect(currentScreen(container)).toBe('failed');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(copy.title);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(copy.body);
    expect(alert.dataset.errorCode).toBe(code);
    expect(screen.getByText(copy.next)).toBeTruthy();
    const next = refusalNext(code);
    expect(buttons(container)).toEqual(offered[next]);
    // A refusal records nothing to quote; who to call is there where nothing else will help.
    expect(screen.queryByTestId('reference')).toBeNull();
    expect(screen.queryByTestId('support')?.textContent).toBe(next === 'done' ? '400-800-1234' : undefined);
    // The kept code is shown to be checked only where it is handed back.
    expect(screen.queryByTestId('entered-code')?.textContent).toBe(next === 'edit' ? '12345678' : undefined);
  });

  it('offers "Enter code again" for a code it does not know (yet) and for what could not be read', () => {
    const retry = customerRefusals.filter((code) => refusalNext(code) !== 'done');
    expect(retry.sort()).toEqual(['bad-format', 'busy', 'code-checking', 'invalid-input', 'unknown-code']);
  });

  it.each(['forbidden', 'pin-wrong', 'maintenance-disabled'] as const)(
    'tells %s, which the customer screen should never get, as a fault',
    async (code) => {
      const { container } = await refused(code);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(en.refusals.internal.title);
      expect(screen.getByRole('alert').dataset.errorCode).toBe(code);
      expect(buttons(container)).toEqual(['Done']);
    },
  );

  it('a refusal with Done clears the entry', async () => {
    const { container } = await refused('code-used');
    tap('Done');
    expect(currentScreen(container)).toBe('entry');
    expect(typedCode()).toBe('');
  });

  it('"Enter code again" after a code that could not be read starts empty', async () => {
    const { container } = await refused('bad-format');
    tap('Enter code again');
    expect(currentScreen(container)).toBe('entry');
    expect(typedCode()).toBe('');
  });
});

describe('tries left before a lockout', () => {
  it.each([
    [3, '3 more wrong codes lock the keypad for a while.'],
    [1, 'One more wrong code locks the keypad for a while.'],
  ])('%i left: says so under the next step', async (triesLeft, sentence) => {
    const fake = new FakeKioskApi();
    await renderApp(fake);
    tapDigits('12345678');
    tap('Get my item');
    await settle();
    fake.fail({ code: 'unknown-code', triesLeft });
    await settle();
    expect(screen.getByText(sentence).dataset.triesLeft).toBe(String(triesLeft));
  });

  it('says nothing of tries where the refusal did not count one', async () => {
    const { container } = await refused('out-of-stock');
    expect(container.querySelector('[data-tries-left]')).toBeNull();
  });
});

describe('the code kept after "not recognised"', () => {
  it.each(['unknown-code', 'code-checking'] as const)(
    '%s: "Enter code again" puts it back in the boxes to edit and send',
    async (code) => {
      const { container, fake } = await refused(code);
      tap('Enter code again');
      expect(currentScreen(container)).toBe('entry');
      expect(typedCode()).toBe('12345678');
      tap('Delete');
      tapDigits('9');
      expect(typedCode()).toBe('12345679');
      tap('Get my item');
      await settle();
      expect(fake.submitted).toEqual(['12345678', '12345679']);
    },
  );

  it('is dropped by Done, so nobody after finds it', async () => {
    const { container } = await refused('unknown-code');
    tap('Done');
    expect(currentScreen(container)).toBe('entry');
    expect(typedCode()).toBe('');
  });

  it('is cleared by the idle reset on the refusal screen', async () => {
    const { container } = await refused(
      'unknown-code',
      new FakeKioskApi(readyState({ idleTimeoutSeconds: 20 })),
    );
    expect(screen.getByTestId('entered-code').textContent).toBe('12345678');
    await advance(20_000);
    expect(currentScreen(container)).toBe('entry');
    expect(typedCode()).toBe('');
    expect(screen.queryByText('12345678')).toBeNull();
  });

  it('is cleared by the idle reset once back in the boxes, after asking', async () => {
    await refused('code-checking', new FakeKioskApi(readyState({ idleTimeoutSeconds: 20 })));
    tap('Enter code again');
    expect(typedCode()).toBe('12345678');
    await advance(10_000);
    expect(screen.getByRole('alertdialog', { name: 'Still there?' })).toBeTruthy();
    await advance(10_000);
    expect(typedCode()).toBe('');
  });

  it('is a scanned code too', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    for (const key of 'AB12CD34') {
      pressKey(key);
      await advance(3);
    }
    pressKey('Enter');
    await settle();
    expect(fake.submitted).toEqual(['AB12CD34']);
    fake.fail({ code: 'unknown-code' });
    await settle();
    tap('Enter code again');
    expect(currentScreen(container)).toBe('entry');
    expect(typedCode()).toBe('AB12CD34');
  });
});

describe('in Chinese', () => {
  it('says "not recognised" and offers to enter the code again', async () => {
    const { container } = await refused('unknown-code', new FakeKioskApi(readyState({ language: 'zh-CN' })));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('取货码无法识别');
    expect(buttons(container)).toEqual([zhCN.enterAgain, zhCN.done]);
    expect(screen.getByText(zhCN.enteredLabel)).toBeTruthy();
  });

  it('gives who to call on a used code', async () => {
    await refused('code-used', new FakeKioskApi(readyState({ language: 'zh-CN' })));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(zhCN.refusals['code-used'].title);
    expect(screen.getByText(zhCN.supportLabel)).toBeTruthy();
    expect(screen.getByTestId('support').textContent).toBe(zhCN.supportFallback);
  });
});
