import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ipcErrorCodes, type IpcErrorCode } from '../../../electron/contract/errors';
import { en } from '../../../renderer/src/i18n/en';
import { fill } from '../../../renderer/src/i18n/strings';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { currentScreen, renderApp, settle, tap, tapDigits, type RenderedApp } from '../render-app';

afterEach(cleanup);

const startRedemption = async (fake = new FakeKioskApi()): Promise<RenderedApp> => {
  const view = await renderApp(fake);
  tapDigits('12345678');
  tap('Get my item');
  await settle();
  return view;
};

describe('dispensing progress', () => {
  it('shows "n of m" and marks each unit as it finishes', async () => {
    const { fake, container } = await startRedemption();
    fake.emitProgress({ redemptionId: 'r-1', stage: 'dispensing', unit: 1, of: 3, productName: 'Green Tea' });
    await settle();
    expect(currentScreen(container)).toBe('dispensing');
    expect(screen.getByText('Item 1 of 3')).toBeTruthy();
    expect(screen.getByText('Green Tea')).toBeTruthy();
    fake.emitProgress({ redemptionId: 'r-1', stage: 'unit-done', unit: 1, of: 3, unitOutcome: 'success' });
    fake.emitProgress({ redemptionId: 'r-1', stage: 'dispensing', unit: 2, of: 3 });
    await settle();
    expect(screen.getByText('Item 2 of 3')).toBeTruthy();
    const states = [...container.querySelectorAll('.unit-progress__unit')].map((el) =>
      el.getAttribute('data-state'),
    );
    expect(states).toEqual(['success', 'current', 'waiting']);
  });
});

describe('outcome screens', () => {
  it('success: says where the item is, and Done returns to an empty entry', async () => {
    const { fake, container } = await startRedemption();
    fake.succeed({ productName: 'Cola', dispensed: 2, of: 2 });
    await settle();
    expect(currentScreen(container)).toBe('success');
    expect(screen.getByText('Please take Cola from the tray below.')).toBeTruthy();
    expect(screen.getByText('2 of 2 items dispensed')).toBeTruthy();
    tap('Done');
    expect(currentScreen(container)).toBe('entry');
    expect(screen.getByRole('status', { name: 'Pickup code' }).dataset.code).toBe('');
  });

  it('partial: says how many dropped and gives the reference and support contact', async () => {
    const fake = new FakeKioskApi(readyState({ supportContact: '400-800-1234' }));
    const { container } = await startRedemption(fake);
    fake.succeed({ outcome: 'partial', dispensed: 1, of: 3, reference: 'K7-2001' });
    await settle();
    expect(currentScreen(container)).toBe('partial');
    expect(screen.getByText(/^1 of 3 items dropped/)).toBeTruthy();
    expect(screen.getByTestId('reference').textContent).toBe('K7-2001');
    expect(screen.getByText('400-800-1234')).toBeTruthy();
  });

  it('attention: says plainly the drop is unconfirmed, to keep the code and call support', async () => {
    const { fake, container } = await startRedemption();
    fake.succeed({ outcome: 'attention', dispensed: 0, reference: 'K7-3003' });
    await settle();
    expect(currentScreen(container)).toBe('attention');
    expect(screen.getByRole('heading').textContent).toBe('We could not confirm your item dropped');
    expect(screen.getByText(en.attentionKeepCode)).toBeTruthy();
    expect(screen.getByTestId('reference').textContent).toBe('K7-3003');
    // No contact configured: the fallback points at the machine's own label.
    expect(screen.getByText(en.supportFallback)).toBeTruthy();
  });

  it('failed dispense: nothing dropped, with the reference for support', async () => {
    const { fake, container } = await startRedemption();
    fake.succeed({ outcome: 'failed', dispensed: 0, reference: 'K7-4004' });
    await settle();
    expect(currentScreen(container)).toBe('failed');
    expect(screen.getByRole('alert').textContent).toBe(en.failedDispenseBody);
    expect(screen.getByTestId('reference').textContent).toBe('K7-4004');
    tap('Done');
    expect(currentScreen(container)).toBe('entry');
  });

  it('partial with items owed: says the code still works for them, not to call support for the rest', async () => {
    const { fake, container } = await startRedemption();
    fake.succeed({ outcome: 'partial', dispensed: 1, of: 3, owed: 2 });
    await settle();
    expect(currentScreen(container)).toBe('partial');
    expect(screen.getByText('1 of 3 items dropped. Please take them from the tray below.')).toBeTruthy();
    expect(screen.getByTestId('owed').textContent).toBe(fill(en.owedMany, { n: 2 }));
  });

  it('nothing dropped with one item owed: says so in the singular', async () => {
    const { fake } = await startRedemption();
    fake.succeed({ outcome: 'failed', dispensed: 0, of: 1, owed: 1 });
    await settle();
    expect(screen.getByTestId('owed').textContent).toBe(en.owedOne);
  });

  it('says nothing about owed items when none are owed', async () => {
    const { fake } = await startRedemption();
    fake.succeed({ outcome: 'partial', dispensed: 1, of: 2, owed: 0 });
    await settle();
    expect(screen.queryByTestId('owed')).toBeNull();
  });

  const refusals = ipcErrorCodes.filter(
    (code): code is Exclude<IpcErrorCode, 'locked-out'> => code !== 'locked-out',
  );

  it.each(refusals)('refused with %s: shows its plain sentence and offers to try again', async (code) => {
    const { fake, container } = await startRedemption();
    fake.fail({ code });
    await settle();
    expect(currentScreen(container)).toBe('failed');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(en.errors[code]);
    expect(alert.dataset.errorCode).toBe(code);
    expect(screen.queryByTestId('reference')).toBeNull();
    tap('Try again');
    expect(currentScreen(container)).toBe('entry');
  });
});
