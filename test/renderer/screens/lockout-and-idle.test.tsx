import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { currentScreen, renderApp, settle, tap, tapDigits, typedCode } from '../render-app';

const START = Date.UTC(2026, 0, 1, 9, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const advance = async (ms: number): Promise<void> => {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
};

const countdown = (): string => screen.getByRole('timer').textContent;

describe('wrong-code lockout', () => {
  it('counts down from the state deadline and reopens entry at zero', async () => {
    const { container } = await renderApp(new FakeKioskApi(readyState({ entryLockedUntil: START + 65_000 })));
    await advance(0);
    expect(currentScreen(container)).toBe('locked-out');
    expect(countdown()).toBe('1:05');
    expect(screen.queryByRole('button', { name: '1' })).toBeNull();
    await advance(5_000);
    expect(countdown()).toBe('1:00');
    await advance(59_000);
    expect(countdown()).toBe('0:01');
    await advance(1_000);
    expect(currentScreen(container)).toBe('entry');
  });

  it('locks at once from a locked-out answer, before any state event', async () => {
    const { fake, container } = await renderApp();
    tapDigits('999999');
    tap('Get my item');
    await settle();
    fake.fail({ code: 'locked-out', retryAfterSeconds: 30 });
    await advance(0);
    expect(currentScreen(container)).toBe('locked-out');
    expect(countdown()).toBe('0:30');
  });

  it('ignores the hardware keyboard while locked', async () => {
    const { fake } = await renderApp(new FakeKioskApi(readyState({ entryLockedUntil: START + 10_000 })));
    for (const key of '123456') fireEvent.keyDown(window, { key });
    fireEvent.keyDown(window, { key: 'Enter' });
    await settle();
    expect(fake.submitted).toEqual([]);
  });
});

describe('idle timeout', () => {
  // Half of a 20 s timeout is under 15 s, so "Still there?" asks over its last 10 s.
  it('clears a half-typed code after idleTimeoutSeconds without a touch, asking first', async () => {
    await renderApp(new FakeKioskApi(readyState({ idleTimeoutSeconds: 20 })));
    tapDigits('1234');
    await advance(15_000);
    expect(screen.getByRole('alertdialog', { name: 'Still there?' })).toBeTruthy();
    fireEvent.pointerDown(document.body);
    fireEvent.click(document.body);
    await advance(15_000);
    expect(typedCode()).toBe('1234');
    expect(screen.getByRole('alertdialog', { name: 'Still there?' })).toBeTruthy();
    await advance(5_000);
    expect(typedCode()).toBe('');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('returns from an outcome screen to the entry screen, asking first', async () => {
    const { fake, container } = await renderApp(new FakeKioskApi(readyState({ idleTimeoutSeconds: 20 })));
    tapDigits('123456');
    tap('Get my item');
    await settle();
    fake.fail({ code: 'unknown-code' });
    await settle();
    expect(currentScreen(container)).toBe('failed');
    await advance(10_000);
    expect(screen.getByRole('alertdialog', { name: 'Still there?' })).toBeTruthy();
    await advance(10_000);
    expect(currentScreen(container)).toBe('entry');
  });

  it('never interrupts a redemption in flight', async () => {
    const { fake, container } = await renderApp(new FakeKioskApi(readyState({ idleTimeoutSeconds: 20 })));
    tapDigits('123456');
    tap('Get my item');
    await settle();
    fake.emitProgress({ redemptionId: 'r-1', stage: 'dispensing', unit: 1, of: 1 });
    await advance(60_000);
    expect(currentScreen(container)).toBe('dispensing');
    fake.succeed();
    await settle();
    expect(currentScreen(container)).toBe('success');
  });
});
