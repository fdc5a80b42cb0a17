import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aStatus } from '../fakes/fake-maintenance';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { advance, holdCorner, openMaintenance } from '../maintenance-helpers';
import { currentScreen, renderApp, settle, tap } from '../render-app';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 9, 30) });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const fact = (container: HTMLElement, key: string): string | null | undefined =>
  container.querySelector(`[data-fact="${key}"] dd`)?.textContent;
const lockItem = (container: HTMLElement, id: string): HTMLElement => {
  const item = container.querySelector<HTMLElement>(`[data-slot-lock="${id}"]`);
  if (item === null) throw new Error(`no slot lock ${id} on screen`);
  return item;
};

describe('the maintenance status screen', () => {
  it('shows the machine, the board, the outbox, the cache, the clock and the credential store', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    await openMaintenance(fake);
    expect(currentScreen(container)).toBe('maintenance');
    expect(screen.getByText('Machine 12345678 · Lobby kiosk · version 0.1.0')).toBeTruthy();
    expect(fact(container, 'board')).toBe('connected');
    expect(fact(container, 'outbox')).toBe('3');
    expect(fact(container, 'open')).toBe('0');
    expect(fact(container, 'cache-age')).toBe('45 s');
    expect(fact(container, 'clock-skew')).toBe('−2 s');
    expect(fact(container, 'credentials')).toBe(
      'credentials are encrypted by the OS store (gnome_libsecret)',
    );
    expect(container.querySelector('[data-fact="credentials"]')?.className).not.toContain('--warn');
    expect(
      within(container.querySelector<HTMLElement>('[data-attention="r-9"]')!).getByText(
        /Code \*\*\*\*\*\*57 · slot A02/,
      ),
    ).toBeTruthy();
  });

  it('marks the weak credential store and says why the kiosk is out of service', async () => {
    const fake = new FakeKioskApi(readyState({ phase: 'out-of-service' }));
    const { container } = await renderApp(fake);
    await openMaintenance(
      fake,
      aStatus({
        phase: 'out-of-service',
        board: 'down',
        outOfServiceReason: 'credentials: no credentials yet',
        credentialStore: {
          state: 'ready-weak',
          message: 'WEAK: no desktop keyring, credentials are only obfuscated',
        },
        diagnostics: null,
      }),
    );
    expect(screen.getByTestId('out-of-service-reason').textContent).toBe('credentials: no credentials yet');
    expect(container.querySelector('[data-fact="credentials"]')?.className).toContain('--warn');
    expect(
      screen.getByText('The kiosk is not running, so its slots and pickups cannot be shown.'),
    ).toBeTruthy();
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Retry sending reports now' }).disabled,
    ).toBe(true);
  });

  it('clears a slot lock only after the operator confirms it', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    await openMaintenance(fake);
    tap('Unlock: Board 1 · slot 2');
    expect(within(lockItem(container, '1/2')).getByRole('alertdialog').textContent).toContain(
      'Unlock board 1 slot 2?',
    );
    tap('Cancel');
    expect(fake.maintenance.calls.filter((c) => c.method === 'maintenanceClearLock')).toEqual([]);

    tap('Unlock: Board 1 · slot 2');
    tap('Yes, unlock');
    await settle();
    expect(fake.maintenance.calls.at(-1)).toEqual({
      method: 'maintenanceClearLock',
      input: { addr: 1, slot: 2 },
    });
    const after = aStatus();
    fake.maintenance.succeed('maintenanceClearLock', {
      ...after,
      diagnostics: { ...after.diagnostics!, slotLocks: [] },
    });
    await settle();
    expect(container.querySelector('[data-slot-lock]')).toBeNull();
    expect(screen.getByText('No slot is locked.')).toBeTruthy();
    expect(screen.getByText('Slot unlocked.')).toBeTruthy();
  });

  it('lists a code still owed items and settles it only after the operator confirms', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    const owing = aStatus();
    const id = '202601010930000000000042';
    await openMaintenance(fake, {
      ...owing,
      diagnostics: {
        ...owing.diagnostics!,
        owed: [
          { redemptionId: id, codeMask: '******44', slotName: 'A03', owed: 2, at: Date.UTC(2026, 0, 1, 9) },
        ],
      },
    });
    const item = container.querySelector<HTMLElement>(`[data-owed="${id}"]`)!;
    expect(within(item).getByText(/^Code \*\*\*\*\*\*44 · slot A03 · 2 owed/)).toBeTruthy();
    expect(within(item).getByText('Reference 00000042')).toBeTruthy();
    tap(/^Settle: Code/);
    expect(within(item).getByRole('alertdialog').textContent).toContain('Settle this code?');
    tap('Cancel');
    expect(fake.maintenance.calls.filter((c) => c.method === 'maintenanceSettleOwed')).toEqual([]);
    tap(/^Settle: Code/);
    tap('Yes, settle');
    await settle();
    expect(fake.maintenance.calls.at(-1)).toEqual({
      method: 'maintenanceSettleOwed',
      input: { redemptionId: id },
    });
    fake.maintenance.succeed('maintenanceSettleOwed', owing);
    await settle();
    expect(container.querySelector('[data-owed]')).toBeNull();
    expect(screen.getByText('No code is owed anything.')).toBeTruthy();
    expect(screen.getByText('Settled: the code is owed nothing now.')).toBeTruthy();
  });

  it('retries the outbox now and shows how many reports still wait', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    await openMaintenance(fake);
    tap('Retry sending reports now');
    await settle();
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Retry sending reports now' }).disabled,
    ).toBe(true);
    const after = aStatus();
    fake.maintenance.succeed('maintenanceRetryOutbox', {
      ...after,
      diagnostics: { ...after.diagnostics!, outboxLength: 0 },
    });
    await settle();
    expect(fact(container, 'outbox')).toBe('0');
    expect(screen.getByText('Sending finished. Reports still waiting: 0.')).toBeTruthy();
  });

  it('asks for the PIN again when the session has ended in main', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    await openMaintenance(fake);
    tap('Refresh');
    await settle();
    fake.maintenance.fail('maintenanceStatus', { code: 'forbidden' });
    await settle();
    expect(currentScreen(container)).toBe('maintenance-pin');
    expect(screen.getByRole('alert').textContent).toBe(
      'The maintenance session ended. Enter the PIN again to continue.',
    );
  });

  it('closes on request and after 2 minutes without a touch, ending the session in main', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    await openMaintenance(fake);
    tap('Close');
    await settle();
    expect(currentScreen(container)).toBe('entry');
    expect(fake.maintenance.calls.at(-1)).toEqual({ method: 'maintenanceClose', input: {} });

    await openMaintenance(fake);
    await advance(119_000);
    expect(currentScreen(container)).toBe('maintenance');
    await advance(1000);
    expect(currentScreen(container)).toBe('entry');
    expect(fake.maintenance.calls.filter((c) => c.method === 'maintenanceClose')).toHaveLength(2);
  });

  it('speaks the kiosk language', async () => {
    const fake = new FakeKioskApi(readyState({ language: 'zh-CN' }));
    await renderApp(fake);
    await holdCorner(5000);
    expect(screen.getByText('仅限运维人员。请输入维护密码。')).toBeTruthy();
    for (const digit of '2468') tap(digit);
    tap('进入');
    await settle();
    fake.maintenance.succeed('maintenanceOpen');
    await settle();
    expect(screen.getByRole('button', { name: '立即重新上报' })).toBeTruthy();
    expect(screen.getByText('1 号板 · 2 号货道')).toBeTruthy();
  });
});
