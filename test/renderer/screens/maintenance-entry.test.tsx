import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { advance, corner, holdCorner } from '../maintenance-helpers';
import { currentScreen, pressKey, renderApp, settle, tap, tapDigits, typedCode } from '../render-app';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 9) });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const dots = (): string | undefined => screen.getByRole('status', { name: 'Maintenance PIN' }).dataset.length;

describe('the hidden way into maintenance', () => {
  it('opens the PIN pad after the top-left corner is held for 5 seconds', async () => {
    const { container } = await renderApp();
    await holdCorner(4900);
    expect(currentScreen(container)).toBe('entry');
    await advance(100);
    expect(currentScreen(container)).toBe('maintenance-pin');
    expect(container.querySelector('[data-active-screen]')?.getAttribute('data-active-screen')).toBe(
      'maintenance-pin',
    );
  });

  it.each([
    ['lifting the finger', 'pointerUp'],
    ['sliding off the corner', 'pointerLeave'],
    ['the browser taking the touch for a scroll', 'pointerCancel'],
  ] as const)('does not open when %s before 5 seconds', async (_name, event) => {
    const { container } = await renderApp();
    const target = await holdCorner(4000);
    fireEvent[event](target);
    await advance(10_000);
    expect(currentScreen(container)).toBe('entry');
  });

  it('does not open from taps, however many', async () => {
    const { container } = await renderApp();
    for (let i = 0; i < 10; i++) {
      fireEvent.pointerDown(corner());
      await advance(300);
      fireEvent.pointerUp(corner());
    }
    await advance(10_000);
    expect(currentScreen(container)).toBe('entry');
  });

  it('is not there during a redemption or over its outcome', async () => {
    const { fake } = await renderApp();
    tapDigits('123456');
    tap('Get my item');
    await settle();
    expect(screen.queryByTestId('maintenance-corner')).toBeNull();
    fake.succeed();
    await settle();
    expect(screen.queryByTestId('maintenance-corner')).toBeNull();
  });

  it('is there on the out-of-service screen, so an operator can find out why', async () => {
    const { container } = await renderApp(new FakeKioskApi(readyState({ phase: 'out-of-service' })));
    expect(currentScreen(container)).toBe('out-of-service');
    await holdCorner(5000);
    expect(currentScreen(container)).toBe('maintenance-pin');
  });
});

describe('the maintenance PIN pad', () => {
  it('shows dots, not digits, and sends the PIN once from four digits', async () => {
    const { fake, container } = await renderApp();
    await holdCorner(5000);
    const open = screen.getByRole<HTMLButtonElement>('button', { name: 'Open' });
    tapDigits('246');
    expect(dots()).toBe('3');
    expect(open.disabled).toBe(true);
    tapDigits('8');
    expect(container.textContent).not.toContain('2468');
    tap('Open');
    tap('Working…');
    await settle();
    expect(fake.maintenance.calls).toEqual([{ method: 'maintenanceOpen', input: { pin: '2468' } }]);
    expect(dots()).toBe('0');
  });

  it('says a wrong PIN plainly, and how long a lockout lasts', async () => {
    const { fake } = await renderApp();
    await holdCorner(5000);
    tapDigits('1111');
    tap('Open');
    await settle();
    fake.maintenance.fail('maintenanceOpen', { code: 'pin-wrong' });
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Wrong PIN. Please try again.');
    tapDigits('2222');
    tap('Open');
    await settle();
    fake.maintenance.fail('maintenanceOpen', { code: 'locked-out', retryAfterSeconds: 290 });
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Too many wrong PINs. Try again in 5 min.');
  });

  it('says when the machine has no maintenance PIN set', async () => {
    const { fake } = await renderApp();
    await holdCorner(5000);
    tapDigits('1234');
    tap('Open');
    await settle();
    fake.maintenance.fail('maintenanceOpen', { code: 'maintenance-disabled' });
    await settle();
    expect(screen.getByRole('alert').dataset.errorCode).toBe('maintenance-disabled');
  });

  it('goes back to the customer screen on cancel, and after 2 idle minutes', async () => {
    const { fake, container } = await renderApp();
    await holdCorner(5000);
    tap('Cancel');
    expect(currentScreen(container)).toBe('entry');
    await holdCorner(5000);
    await advance(119_000);
    expect(currentScreen(container)).toBe('maintenance-pin');
    await advance(1000);
    expect(currentScreen(container)).toBe('entry');
    // No session was opened, so there is nothing to close in main.
    expect(fake.maintenance.calls).toEqual([]);
  });

  it('keeps a keyboard or scanner away from the customer code meanwhile', async () => {
    await renderApp();
    await holdCorner(5000);
    for (const key of '123456') pressKey(key);
    tap('Cancel');
    expect(typedCode()).toBe('');
  });
});
