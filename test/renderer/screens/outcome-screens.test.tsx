import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RedemptionResult } from '../../../electron/contract';
import { en } from '../../../renderer/src/i18n/en';
import { fill } from '../../../renderer/src/i18n/strings';
import { zhCN } from '../../../renderer/src/i18n/zh-cn';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { currentScreen, renderApp, settle, tap, tapDigits, typedCode, type RenderedApp } from '../render-app';

afterEach(cleanup);

const startRedemption = async (fake = new FakeKioskApi()): Promise<RenderedApp> => {
  const view = await renderApp(fake);
  tapDigits('12345678');
  tap(/^(Get my item|取货)$/);
  await settle();
  return view;
};

const answered = async (
  result: Partial<RedemptionResult>,
  fake = new FakeKioskApi(readyState({ supportContact: '400-800-1234' })),
): Promise<RenderedApp> => {
  const view = await startRedemption(fake);
  fake.succeed(result);
  await settle();
  return view;
};

const title = (): string => screen.getByRole('heading', { level: 1 }).textContent;
const buttons = (container: HTMLElement): string[] => {
  const shown = container.querySelector<HTMLElement>('[data-screen]');
  if (shown === null) throw new Error('no screen');
  return within(shown)
    .queryAllByRole('button')
    .map((button) => button.textContent);
};
const says = (text: string): void => {
  expect(screen.getByText(text)).toBeTruthy();
};

describe('dispensing progress', () => {
  it('shows "n of m" and marks each unit as it finishes', async () => {
    const { fake, container } = await startRedemption();
    fake.emitProgress({ redemptionId: 'r-1', stage: 'dispensing', unit: 1, of: 3, productName: 'Green Tea' });
    await settle();
    expect(currentScreen(container)).toBe('dispensing');
    says('Item 1 of 3');
    says('Green Tea');
    fake.emitProgress({ redemptionId: 'r-1', stage: 'unit-done', unit: 1, of: 3, unitOutcome: 'success' });
    fake.emitProgress({ redemptionId: 'r-1', stage: 'dispensing', unit: 2, of: 3 });
    await settle();
    says('Item 2 of 3');
    const states = [...container.querySelectorAll('.unit-progress__unit')].map((el) =>
      el.getAttribute('data-state'),
    );
    expect(states).toEqual(['success', 'current', 'waiting']);
  });
});

describe('success', () => {
  it('one item: "your item", where it is, and Done returns to an empty entry', async () => {
    const { container } = await answered({ productName: 'Cola' });
    expect(currentScreen(container)).toBe('success');
    expect(title()).toBe('Your item is ready');
    says('Please take Cola from the tray below.');
    expect(buttons(container)).toEqual(['Done']);
    // Nothing to settle: no reference, no support line.
    expect(screen.queryByTestId('reference')).toBeNull();
    expect(screen.queryByTestId('support')).toBeNull();
    tap('Done');
    expect(currentScreen(container)).toBe('entry');
    expect(typedCode()).toBe('');
  });

  it('several items: "your 3 items", all of them', async () => {
    await answered({ productName: 'Cola', dispensed: 3, of: 3 });
    expect(title()).toBe('Your 3 items are ready');
    says('Please take all 3 items (Cola) from the tray below.');
  });

  it('a make-up that leaves items owed: says so, with the reference and support', async () => {
    await answered({ dispensed: 1, of: 1, owed: 2, reference: 'K7-5005' });
    expect(title()).toBe('Your item is ready');
    expect(screen.getByTestId('owed').textContent).toBe(fill(en.owedMany, { n: 2 }));
    expect(screen.getByTestId('reference').textContent).toBe('K7-5005');
    expect(screen.getByTestId('support').textContent).toBe('400-800-1234');
  });
});

describe('partial', () => {
  it('nothing owed: how many of how many in the headline, then support with the reference', async () => {
    const { container } = await answered({ outcome: 'partial', dispensed: 1, of: 3, reference: 'K7-2001' });
    expect(currentScreen(container)).toBe('partial');
    expect(title()).toBe('Only 1 of your 3 items dropped');
    says(en.partialBodyOne);
    says(en.supportNext);
    expect(screen.queryByTestId('owed')).toBeNull();
    expect(screen.getByTestId('reference').textContent).toBe('K7-2001');
    expect(screen.getByTestId('support').textContent).toBe('400-800-1234');
    expect(buttons(container)).toEqual(['Done']);
  });

  it('items owed: the code works for them, no call to support for the rest', async () => {
    await answered({ outcome: 'partial', dispensed: 2, of: 3, owed: 1 });
    expect(title()).toBe('Only 2 of your 3 items dropped');
    says('The machine could not release the others. Please take your 2 items from the tray below.');
    expect(screen.getByTestId('owed').textContent).toBe(en.owedOne);
    expect(screen.queryByText(en.supportNext)).toBeNull();
    // The reference stays: whoever the customer asks can still find the pickup.
    expect(screen.getByTestId('reference')).toBeTruthy();
  });
});

describe('nothing dispensed', () => {
  it('one item owed: says it in the singular and that the code still works', async () => {
    const { container } = await answered({
      outcome: 'failed',
      dispensed: 0,
      of: 1,
      owed: 1,
      reference: 'K7-4004',
    });
    expect(currentScreen(container)).toBe('failed');
    expect(title()).toBe('Nothing was dispensed');
    expect(screen.getByRole('alert').textContent).toBe(en.failedBodyOne);
    expect(screen.getByTestId('owed').textContent).toBe(en.owedOne);
    expect(screen.queryByText(en.supportNext)).toBeNull();
    expect(screen.getByTestId('reference').textContent).toBe('K7-4004');
    expect(buttons(container)).toEqual(['Done']);
    tap('Done');
    expect(currentScreen(container)).toBe('entry');
  });

  it('several items, none owed: says how many, and to call support with the reference', async () => {
    await answered({ outcome: 'failed', dispensed: 0, of: 3, owed: 0 });
    expect(screen.getByRole('alert').textContent).toBe('The machine could not release any of your 3 items.');
    says(en.supportNext);
    expect(screen.getByTestId('support').textContent).toBe('400-800-1234');
  });
});

describe('attention', () => {
  it('one item: the drop is unconfirmed, keep the code, call support', async () => {
    const { container } = await answered(
      { outcome: 'attention', dispensed: 0, reference: 'K7-3003' },
      new FakeKioskApi(),
    );
    expect(currentScreen(container)).toBe('attention');
    expect(title()).toBe('We could not confirm your item dropped');
    says(en.attentionBody);
    says(en.attentionKeepCode);
    expect(screen.queryByTestId('attention-count')).toBeNull();
    expect(screen.getByTestId('reference').textContent).toBe('K7-3003');
    // No contact configured: the fallback points at the machine's own label.
    expect(screen.getByTestId('support').textContent).toBe(en.supportFallback);
    expect(buttons(container)).toEqual(['Done']);
  });

  it('several items: how many of how many certainly dropped', async () => {
    await answered({ outcome: 'attention', dispensed: 2, of: 3 });
    expect(title()).toBe('We could not confirm all your items dropped');
    expect(screen.getByTestId('attention-count').textContent).toBe(
      '2 of 3 items dropped for certain; the machine could not tell whether the others did.',
    );
    says(en.attentionBodyMany);
    expect(screen.queryByTestId('owed')).toBeNull();
  });

  it('with an item that certainly did not drop: says it is owed', async () => {
    await answered({ outcome: 'attention', dispensed: 1, of: 3, owed: 1 });
    expect(screen.getByTestId('attention-count').textContent).toMatch(/^1 of 3 items dropped for certain/);
    expect(screen.getByTestId('owed').textContent).toBe(en.owedOne);
  });
});

describe('in Chinese', () => {
  const zh = () => new FakeKioskApi(readyState({ language: 'zh-CN' }));

  it('counts items with 件 in the headlines', async () => {
    await answered({ productName: '可乐', dispensed: 3, of: 3 }, zh());
    expect(title()).toBe('您的 3 件商品已出货');
    says('请从下方取货口取走全部 3 件可乐。');
    expect(screen.getByRole('button', { name: zhCN.done })).toBeTruthy();
  });

  it('says a partial and an unconfirmed drop with the numbers', async () => {
    await answered({ outcome: 'partial', dispensed: 2, of: 3 }, zh());
    expect(title()).toBe('您的 3 件商品只出了 2 件');
    cleanup();
    await answered({ outcome: 'attention', dispensed: 1, of: 2 }, zh());
    expect(title()).toBe(zhCN.attentionTitleMany);
    expect(screen.getByTestId('attention-count').textContent).toBe(
      '确定已落下 1 件，共 2 件；其余商品无法确认是否落下。',
    );
  });
});
