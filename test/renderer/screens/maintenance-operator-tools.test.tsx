import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MaintenanceStatus, OperatorView, TestView } from '../../../electron/contract';
import { ok } from '../../../electron/contract/result';
import { aStatus } from '../fakes/fake-maintenance';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { holdCorner, openMaintenance } from '../maintenance-helpers';
import { renderApp, settle, tap, tapDigits } from '../render-app';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 9, 30) });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const ID = '202601010930000000000057';
const operator = (over: Partial<OperatorView> = {}): OperatorView => ({
  service: { inService: true, since: null, by: null },
  slots: [
    {
      productId: 101,
      name: 'Sparkling Water',
      slotName: 'A01',
      addr: 1,
      slot: 0,
      stock: 8,
      capacity: 10,
      locked: false,
    },
    {
      productId: 102,
      name: 'Orange Juice',
      slotName: 'A02',
      addr: 1,
      slot: 1,
      stock: 6,
      capacity: 10,
      locked: true,
    },
  ],
  lastTest: null,
  ...over,
});
/** A running kiosk's status: the operator tools' view, one pickup needing attention. */
const running = (over: Partial<OperatorView> = {}, attention = true): MaintenanceStatus => {
  const base = aStatus();
  return {
    ...base,
    diagnostics: {
      ...base.diagnostics!,
      needsAttention: attention
        ? [{ redemptionId: ID, codeMask: '******57', slotName: 'A02', note: 'drop not confirmed', at: 0 }]
        : [],
    },
    operator: operator(over),
  };
};
const aTest = (over: Partial<TestView> = {}): TestView => ({
  id: 3,
  addr: 1,
  slot: 0,
  state: 'success',
  reason: null,
  by: 'maintenance',
  startedAt: Date.UTC(2026, 0, 1, 9, 31),
  finishedAt: Date.UTC(2026, 0, 1, 9, 31),
  ...over,
});
const callsTo = (fake: FakeKioskApi, method: string) =>
  fake.maintenance.calls.filter((c) => c.method === method);
const feedback = (): string => screen.getAllByRole('status').at(-1)?.textContent ?? '';

describe('operator tools on the maintenance screen', () => {
  it('takes the machine out of service after a second yes, and shows since when and from where', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    await openMaintenance(fake, running());
    expect(screen.getByText('In service: customers can use their codes.')).toBeTruthy();
    tap('Take out of service: Service');
    expect(screen.getByRole('alertdialog', { name: 'Service' }).textContent).toContain(
      'Take the machine out of service?',
    );
    tap('Cancel');
    expect(callsTo(fake, 'maintenanceSetService')).toEqual([]);
    tap('Take out of service: Service');
    tap('Yes, take out');
    await settle();
    expect(callsTo(fake, 'maintenanceSetService')).toEqual([
      { method: 'maintenanceSetService', input: { inService: false } },
    ]);
    const since = Date.UTC(2026, 0, 1, 9, 30);
    fake.maintenance.succeed(
      'maintenanceSetService',
      running({ service: { inService: false, since, by: 'kioskctl' } }),
    );
    await settle();
    expect(container.querySelector('[data-service="off"]')?.textContent).toMatch(
      /Out of service since 2026-01-01 \d\d:30 \(by kioskctl\)/,
    );
    expect(feedback()).toBe('The machine is out of service now.');
    expect(screen.getByRole('button', { name: 'Put back in service: Service' })).toBeTruthy();
  });

  it('test-dispenses a slot only after the operator confirms, then shows the outcome', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    await openMaintenance(fake, running());
    tap('Test: A01 · Sparkling Water · 8 of 10');
    const row = container.querySelector<HTMLElement>('[data-slot="1/0"]')!;
    expect(within(row).getByRole('alertdialog').textContent).toContain('Drop one item from A01 to test it?');
    tap('Yes, test');
    await settle();
    expect(callsTo(fake, 'maintenanceTestDispense')).toEqual([
      { method: 'maintenanceTestDispense', input: { addr: 1, slot: 0 } },
    ]);
    expect(feedback()).toBe('Working…');
    fake.maintenance.succeed(
      'maintenanceTestDispense',
      running({ lastTest: aTest({ state: 'unknown', reason: 'drop not seen' }) }),
    );
    await settle();
    expect(feedback()).toBe('Test finished: not confirmed, the slot is locked (drop not seen).');
    expect(container.querySelector('[data-last-test="unknown"]')?.textContent).toContain(
      'Last test: board 1 slot 0',
    );
  });

  it('says in an operator’s words why a test did not start', async () => {
    const fake = new FakeKioskApi();
    await renderApp(fake);
    await openMaintenance(fake, running());
    tap('Test: A02 · Orange Juice · 6 of 10');
    tap('Yes, test');
    await settle();
    fake.maintenance.fail('maintenanceTestDispense', { code: 'out-of-service' });
    await settle();
    expect(feedback()).toContain("That slot's board is down or not ready");
    tap('Test: A02 · Orange Juice · 6 of 10');
    tap('Yes, test');
    await settle();
    fake.maintenance.fail('maintenanceTestDispense', { code: 'busy' });
    await settle();
    expect(feedback()).toContain("A customer's pickup or another test is in progress");
  });

  it('records a restock: the count on a keypad, said back once more, then saved', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    await openMaintenance(fake, running());
    tap('Restock: A01 · Sparkling Water · 8 of 10');
    expect(screen.getByText('Count in A01 (Sparkling Water), at most 10')).toBeTruthy();
    const save = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save count' });
    expect(save().disabled).toBe(true);
    tapDigits('11');
    expect(container.querySelector('.restock-pad__count')?.textContent).toBe('11');
    expect(save().disabled).toBe(true);
    tap('Delete');
    tapDigits('0');
    expect(save().disabled).toBe(false);
    tap('Save count');
    expect(screen.getByRole('alertdialog', { name: 'Restock' }).textContent).toContain(
      'Set A01 (Sparkling Water) to 10? It was 8.',
    );
    tap('Yes, save');
    await settle();
    expect(callsTo(fake, 'maintenanceRestock')).toEqual([
      { method: 'maintenanceRestock', input: { productId: 101, count: 10 } },
    ]);
    const after = running();
    fake.maintenance.succeed('maintenanceRestock', {
      ...after,
      operator: {
        ...after.operator!,
        slots: after.operator!.slots.map((s) => ({ ...s, stock: s.productId === 101 ? 10 : s.stock })),
      },
    });
    await settle();
    expect(feedback()).toBe('Count saved; it is reported to the cloud within seconds.');
    expect(screen.getByText('A01 · Sparkling Water · 10 of 10')).toBeTruthy();
    expect(container.querySelector('.restock-pad')).toBeNull();
  });

  it('resolves an attention item with the answer the operator picked, as the note', async () => {
    const fake = new FakeKioskApi();
    const { container } = await renderApp(fake);
    await openMaintenance(fake, running());
    tap(/^Resolve: Code \*\*\*\*\*\*57/);
    const yes = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Yes, resolve' });
    expect(yes().disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'The item had dropped; the customer has it' }));
    expect(
      screen
        .getByRole('radio', { name: 'The item had dropped; the customer has it' })
        .getAttribute('aria-checked'),
    ).toBe('true');
    tap('Yes, resolve');
    await settle();
    expect(callsTo(fake, 'maintenanceResolveAttention')).toEqual([
      {
        method: 'maintenanceResolveAttention',
        input: { redemptionId: ID, note: 'The item had dropped; the customer has it' },
      },
    ]);
    fake.maintenance.succeed('maintenanceResolveAttention', running({}, false));
    await settle();
    expect(container.querySelector('[data-attention]')).toBeNull();
    expect(feedback()).toBe('Resolved: it is off the list, and the audit log keeps the note.');
  });

  it('shows the recent log on request, newest first, in its own scrolling list', async () => {
    const fake = new FakeKioskApi();
    await renderApp(fake);
    await openMaintenance(fake, running());
    tap('Show recent log');
    await settle();
    expect(callsTo(fake, 'maintenanceRecentLog')).toEqual([
      { method: 'maintenanceRecentLog', input: { lines: 300 } },
    ]);
    fake.maintenance.answerLog(
      ok({
        events: [
          { t: '2026-01-01T09:00:00.000Z', level: 'info', event: 'core.ready', detail: '{"mode":"live"}' },
          { t: '', level: 'unreadable', event: '', detail: '{"t":"2026' },
          { t: '2026-01-01T09:29:00.000Z', level: 'error', event: 'unit.unknown', detail: '{"slot":"A02"}' },
        ],
      }),
    );
    await settle();
    const lines = within(screen.getByRole('list', { name: 'Recent log' })).getAllByRole('listitem');
    expect(lines.map((l) => l.textContent)).toEqual([
      '01-01 09:29:00Z error unit.unknown {"slot":"A02"}',
      'unreadable line {"t":"2026',
      '01-01 09:00:00Z info core.ready {"mode":"live"}',
    ]);
    expect(screen.getByText('The last 3 events, newest first.')).toBeTruthy();
    // Still shown after another action answers with a fresh status.
    tap('Refresh');
    await settle();
    fake.maintenance.succeed('maintenanceStatus', running());
    await settle();
    expect(screen.getByRole('list', { name: 'Recent log' })).toBeTruthy();
    tap('Hide log');
    expect(screen.queryByRole('list', { name: 'Recent log' })).toBeNull();
  });

  it('offers only the log where the kiosk is not running', async () => {
    const fake = new FakeKioskApi(readyState({ phase: 'out-of-service' }));
    const { container } = await renderApp(fake);
    await openMaintenance(fake, aStatus({ phase: 'out-of-service', diagnostics: null }));
    expect(container.querySelector('[data-service]')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Test:/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Show recent log' })).toBeTruthy();
  });

  it('speaks the kiosk language', async () => {
    const fake = new FakeKioskApi(readyState({ language: 'zh-CN' }));
    await renderApp(fake);
    await holdCorner(5000);
    tapDigits('2468');
    tap('进入');
    await settle();
    fake.maintenance.succeed('maintenanceOpen', running());
    await settle();
    expect(screen.getByRole('button', { name: '暂停服务: 服务状态' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '显示最近日志' })).toBeTruthy();
    expect(screen.getByText('A01 · Sparkling Water · 8/10')).toBeTruthy();
  });
});
