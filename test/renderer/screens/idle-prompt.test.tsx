import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
} from '../render-app';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 9, 0, 0) });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const prompt = (): HTMLElement | null => screen.queryByRole('alertdialog');
const promptSays = (): string => within(screen.getByRole('alertdialog')).getByRole('timer').textContent;
const closesIn = (): string => screen.getByTestId('closes-in').textContent;

/** The default idle timeout is 30 s: "Still there?" comes after 15 s of quiet and lasts 15 s. */
const typeHalfACode = async (fake = new FakeKioskApi()) => {
  const view = await renderApp(fake);
  tapDigits('1234');
  return view;
};

const finishWith = async (fake: FakeKioskApi, outcome: 'success' | 'attention') => {
  const view = await renderApp(fake);
  tapDigits('12345678');
  tap('Get my item');
  await settle();
  fake.succeed({ outcome });
  await settle();
  return view;
};

describe('"Still there?" before a half-typed code is cleared', () => {
  it('comes 15 s before the reset, as a labelled dialog whose countdown ticks', async () => {
    await typeHalfACode();
    await advance(14_999);
    expect(prompt()).toBeNull();
    await advance(1);
    expect(screen.getByRole('alertdialog', { name: 'Still there?' })).toBeTruthy();
    expect(promptSays()).toBe('Your code will be cleared in 15 seconds');
    // Focus is in the dialog, on its one button.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'I need more time' }));
    await advance(1000);
    expect(promptSays()).toBe('Your code will be cleared in 14 seconds');
    await advance(13_000);
    expect(promptSays()).toBe('Your code will be cleared in 1 second');
    // The code is still there behind it.
    expect(typedCode()).toBe('1234');
  });

  it('"I need more time" keeps the half-typed code and starts the whole wait over', async () => {
    await typeHalfACode();
    await advance(25_000);
    expect(promptSays()).toBe('Your code will be cleared in 5 seconds');
    tap('I need more time');
    await settle();
    expect(prompt()).toBeNull();
    expect(typedCode()).toBe('1234');
    await advance(14_999);
    expect(prompt()).toBeNull();
    await advance(1);
    expect(promptSays()).toBe('Your code will be cleared in 15 seconds');
    await advance(15_000);
    expect(typedCode()).toBe('');
  });

  it('clears the code and goes away when nobody answers', async () => {
    const { container } = await typeHalfACode();
    await advance(29_999);
    expect(typedCode()).toBe('1234');
    expect(prompt()).not.toBeNull();
    await advance(1);
    expect(prompt()).toBeNull();
    expect(currentScreen(container)).toBe('entry');
    expect(typedCode()).toBe('');
  });

  it('counts a touch anywhere as carrying on, and hides only with its click', async () => {
    await typeHalfACode();
    await advance(16_000);
    const dimmed = screen.getByRole('alertdialog').parentElement ?? document.body;
    fireEvent.pointerDown(dimmed);
    await settle();
    // Still up while the finger is down: gone at once, the lifting finger would press the keypad beneath.
    expect(prompt()).not.toBeNull();
    fireEvent.click(dimmed);
    await settle();
    expect(prompt()).toBeNull();
    expect(typedCode()).toBe('1234');
    await advance(14_999);
    expect(prompt()).toBeNull();
    await advance(1);
    expect(prompt()).not.toBeNull();
  });

  it('counts a key as carrying on, and the key still types', async () => {
    await typeHalfACode();
    await advance(20_000);
    pressKey('5');
    await settle();
    expect(prompt()).toBeNull();
    expect(typedCode()).toBe('12345');
    await advance(15_000);
    expect(promptSays()).toBe('Your code will be cleared in 15 seconds');
  });

  it('asks over half of a short timeout', async () => {
    await typeHalfACode(new FakeKioskApi(readyState({ idleTimeoutSeconds: 10 })));
    await advance(4_999);
    expect(prompt()).toBeNull();
    await advance(1);
    expect(promptSays()).toBe('Your code will be cleared in 5 seconds');
  });

  it('is never asked about an empty entry', async () => {
    await renderApp();
    await advance(120_000);
    tapDigits('12');
    tap('Clear');
    await advance(120_000);
    expect(prompt()).toBeNull();
  });

  it('speaks Chinese on a zh-CN kiosk', async () => {
    await typeHalfACode(new FakeKioskApi(readyState({ language: 'zh-CN' })));
    await advance(15_000);
    expect(screen.getByRole('alertdialog', { name: '您还在吗？' })).toBeTruthy();
    expect(promptSays()).toBe('您输入的取货码将在 15 秒后清除');
    expect(screen.getByRole('button', { name: '我还需要时间' })).toBeTruthy();
  });
});

describe('"Still there?" on an outcome screen', () => {
  it('comes with the same seconds the screen shows, and more time keeps the outcome', async () => {
    const fake = new FakeKioskApi();
    const { container } = await finishWith(fake, 'success');
    await advance(15_000);
    expect(promptSays()).toBe('This screen closes in 15 seconds');
    expect(closesIn()).toBe('This screen closes in 15 seconds');
    tap('I need more time');
    await settle();
    expect(prompt()).toBeNull();
    expect(currentScreen(container)).toBe('success');
    expect(closesIn()).toBe('This screen closes in 30 seconds');
  });

  it('waits on a screen with a reference until its longer stay is nearly over', async () => {
    const fake = new FakeKioskApi();
    const { container } = await finishWith(fake, 'attention');
    await advance(74_999);
    expect(prompt()).toBeNull();
    await advance(1);
    expect(promptSays()).toBe('This screen closes in 15 seconds');
    await advance(15_000);
    expect(currentScreen(container)).toBe('entry');
    expect(prompt()).toBeNull();
  });
});

describe('no "Still there?" during a redemption', () => {
  it('neither while checking nor while dispensing; the outcome after them asks as usual', async () => {
    const { fake, container } = await renderApp(new FakeKioskApi(readyState({ idleTimeoutSeconds: 20 })));
    tapDigits('123456');
    tap('Get my item');
    await settle();
    await advance(60_000);
    expect(currentScreen(container)).toBe('checking');
    expect(prompt()).toBeNull();
    fake.emitProgress({ redemptionId: 'r-1', stage: 'dispensing', unit: 1, of: 1 });
    await advance(60_000);
    expect(currentScreen(container)).toBe('dispensing');
    expect(prompt()).toBeNull();
    fake.succeed();
    await settle();
    await advance(10_000);
    expect(promptSays()).toBe('This screen closes in 10 seconds');
  });
});
