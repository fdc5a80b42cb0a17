import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { currentScreen, pressKey, renderApp, settle, tap, tapDigits, typedCode } from '../render-app';

afterEach(cleanup);

const submitButton = (): HTMLButtonElement =>
  screen.getByRole<HTMLButtonElement>('button', { name: 'Get my item' });

describe('entry screen keypad', () => {
  it('shows every digit, delete, clear and submit as buttons of their own', async () => {
    await renderApp();
    for (const name of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'Delete', 'Clear', 'Get my item']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
  });

  it('keeps submit disabled under six characters and enables it at six', async () => {
    await renderApp();
    tapDigits('12345');
    expect(typedCode()).toBe('12345');
    expect(submitButton().disabled).toBe(true);
    tap('6');
    expect(submitButton().disabled).toBe(false);
  });

  it('refuses an eleventh character', async () => {
    await renderApp();
    tapDigits('12345678901');
    expect(typedCode()).toBe('1234567890');
  });

  it('deletes one character and clears all', async () => {
    await renderApp();
    tapDigits('1234');
    tap('Delete');
    expect(typedCode()).toBe('123');
    tap('Clear');
    expect(typedCode()).toBe('');
  });

  it('sends the typed code once and shows the checking screen', async () => {
    const { fake, container } = await renderApp();
    tapDigits('20240601');
    tap('Get my item');
    await settle();
    expect(fake.submitted).toEqual(['20240601']);
    expect(currentScreen(container)).toBe('checking');
    expect(screen.queryByRole('button', { name: 'Get my item' })).toBeNull();
  });

  it('accepts a scanner typing digits then Enter, with Backspace and Escape', async () => {
    const { fake } = await renderApp();
    for (const key of '98765x') pressKey(key);
    pressKey('Backspace');
    expect(typedCode()).toBe('98765');
    pressKey('Escape');
    for (const key of '5550001') pressKey(key);
    pressKey('Enter');
    pressKey('Enter');
    await settle();
    expect(fake.submitted).toEqual(['5550001']);
  });

  it('does not submit on Enter with a short code', async () => {
    const { fake } = await renderApp();
    for (const key of '123') pressKey(key);
    pressKey('Enter');
    await settle();
    expect(fake.submitted).toEqual([]);
  });
});

describe('demo mode', () => {
  const demo = readyState({ mode: 'demo', demoCodes: ['11112222', '33334444'] });

  it('shows a DEMO banner and the demo codes, and a tap types the code in', async () => {
    const { fake } = await renderApp(new FakeKioskApi(demo));
    expect(screen.getByTestId('demo-banner').textContent).toMatch(/DEMO/);
    tap('33334444');
    expect(typedCode()).toBe('33334444');
    tap('Get my item');
    await settle();
    expect(fake.submitted).toEqual(['33334444']);
  });

  it('keeps the banner on every screen of the flow', async () => {
    const { fake, container } = await renderApp(new FakeKioskApi(demo));
    tap('11112222');
    tap('Get my item');
    await settle();
    expect(currentScreen(container)).toBe('checking');
    expect(screen.getByTestId('demo-banner')).toBeTruthy();
    fake.succeed();
    await settle();
    expect(currentScreen(container)).toBe('success');
    expect(screen.getByTestId('demo-banner')).toBeTruthy();
  });

  it('shows neither banner nor codes in live mode', async () => {
    await renderApp(new FakeKioskApi(readyState({ demoCodes: ['11112222'] })));
    expect(screen.queryByTestId('demo-banner')).toBeNull();
    expect(screen.queryByRole('button', { name: '11112222' })).toBeNull();
  });
});
