import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeKioskApi } from '../fakes/fake-kiosk-api';
import { currentScreen, pressKey, renderApp, settle, tapDigits, typedCode } from '../render-app';

// jsdom stamps events with Date.now(): fake timers let a test type as fast as a scanner or as slow as a person.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const typeKeys = (text: string, gapMs: number): void => {
  for (const key of text) {
    pressKey(key);
    act(() => {
      vi.advanceTimersByTime(gapMs);
    });
  }
};
const scan = (text: string): void => {
  typeKeys(text, 3);
  pressKey('Enter');
};

describe('a scanner on the kiosk', () => {
  it('submits the code from a QR link, not the link’s letters', async () => {
    const { fake, container } = await renderApp();
    scan('https://x.example/p?code=93881067');
    await settle();
    expect(fake.submitted).toEqual(['93881067']);
    expect(currentScreen(container)).toBe('checking');
  });

  it('refuses a product barcode with a message, submitting nothing', async () => {
    const { fake, container } = await renderApp();
    scan('6901234567892');
    await settle();
    expect(fake.submitted).toEqual([]);
    expect(currentScreen(container)).toBe('entry');
    expect(typedCode()).toBe('');
    expect(screen.getByRole('alert').textContent).toContain('did not contain a pickup code');
    // The next key clears the message.
    pressKey('1');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('leaves a person’s typing and Enter as they were: the boxes are submitted', async () => {
    const { fake } = await renderApp();
    typeKeys('20240601', 150);
    pressKey('Enter');
    await settle();
    expect(fake.submitted).toEqual(['20240601']);
  });

  it('starts a new pickup when a code is scanned on the outcome screen', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    tapDigits('24681357');
    pressKey('Enter');
    await settle();
    fake.succeed();
    await settle();
    expect(currentScreen(container)).toBe('success');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    scan('PICKUP:13572468\r');
    await settle();
    expect(fake.submitted).toEqual(['24681357', '13572468']);
  });
});
