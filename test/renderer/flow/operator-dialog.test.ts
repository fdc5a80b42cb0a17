import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../electron/contract/result';
import { maintenanceReducer } from '../../../renderer/src/flow/maintenance-reducer';
import {
  closedMaintenance,
  type MaintenanceAction,
  type MaintenanceState,
} from '../../../renderer/src/flow/maintenance-state';
import {
  dialogReducer,
  type DialogAction,
  type OperatorDialog,
} from '../../../renderer/src/flow/operator-dialog';
import { aStatus } from '../fakes/fake-maintenance';

const dialog = (start: OperatorDialog | null, ...actions: DialogAction[]): OperatorDialog | null =>
  actions.reduce(dialogReducer, start);
const keys = (text: string): DialogAction[] => Array.from(text).map((key) => ({ type: 'restock-key', key }));
const run = (start: MaintenanceState, ...actions: MaintenanceAction[]): MaintenanceState =>
  actions.reduce(maintenanceReducer, start);
const opened = run(
  closedMaintenance,
  { type: 'begin' },
  { type: 'start', task: 'open' },
  { type: 'answer', task: 'open', result: ok(aStatus()) },
);
const tool = (action: DialogAction): MaintenanceAction => ({ type: 'tool', action });
const restock = { type: 'ask-restock', productId: 101 } as const;

describe('the operator tools’ questions', () => {
  it('types a restock count: digits only, no leading zeros, at most four digits, then asks once more', () => {
    expect(dialog(null, restock, ...keys('0a07-'))).toEqual({
      kind: 'restock',
      productId: 101,
      count: '7',
      confirming: false,
    });
    expect(dialog(null, restock, ...keys('123456'))).toMatchObject({ count: '1234' });
    expect(dialog(null, restock, ...keys('0'))).toMatchObject({ count: '0' });
    expect(dialog(null, restock, { type: 'restock-review' })).toMatchObject({ confirming: false });
    const asking = dialog(null, restock, ...keys('12'), { type: 'restock-review' });
    expect(asking).toMatchObject({ count: '12', confirming: true });
    // While it asks, the keypad is gone and typing changes nothing; "cancel" goes back to the count.
    expect(dialog(asking, ...keys('3'))).toEqual(asking);
    expect(dialog(asking, { type: 'restock-edit' }, { type: 'restock-delete' })).toMatchObject({
      count: '1',
      confirming: false,
    });
  });

  it('picks a resolve answer only for the item being resolved, and cancel closes any question', () => {
    expect(dialog(null, { type: 'pick-note', note: 'served' })).toBeNull();
    expect(
      dialog(null, { type: 'ask-resolve', redemptionId: 'r' }, { type: 'pick-note', note: 'served' }),
    ).toEqual({
      kind: 'resolve',
      redemptionId: 'r',
      note: 'served',
    });
    expect(dialog({ kind: 'service', inService: false }, { type: 'cancel' })).toBeNull();
  });

  it('keeps one question at a time on the screen, and none while a request is out', () => {
    const testing = run(opened, tool({ type: 'ask-test', addr: 1, slot: 0 }));
    expect(testing).toMatchObject({ tool: { kind: 'test', addr: 1, slot: 0 } });
    const unlocking = run(testing, { type: 'ask-clear', lock: { addr: 1, slot: 2 } });
    expect(unlocking).toMatchObject({ tool: null, confirm: { addr: 1, slot: 2 } });
    expect(run(unlocking, tool({ type: 'ask-service', inService: false }))).toMatchObject({
      tool: { kind: 'service' },
      confirm: null,
    });
    const sent = run(testing, { type: 'start', task: 'test' });
    expect(sent).toMatchObject({ pending: 'test', tool: null });
    expect(run(sent, tool({ type: 'ask-test', addr: 1, slot: 1 }))).toEqual(sent);
  });

  it('remembers which tool failed, and a shown log survives the next status', () => {
    const failed = run(
      opened,
      { type: 'start', task: 'restock' },
      { type: 'answer', task: 'restock', result: err({ code: 'invalid-input' }) },
    );
    expect(failed).toMatchObject({ failed: 'restock', error: { code: 'invalid-input' } });
    const events = [{ t: 'x', level: 'info' as const, event: 'core.ready', detail: '' }];
    const logged = run(
      opened,
      { type: 'start', task: 'log' },
      { type: 'log-answer', result: ok({ events }) },
    );
    expect(logged).toMatchObject({ pending: null, log: events });
    const refreshed = run(
      logged,
      { type: 'start', task: 'refresh' },
      { type: 'answer', task: 'refresh', result: ok(aStatus()) },
    );
    expect(refreshed).toMatchObject({ log: events });
    expect(run(refreshed, { type: 'hide-log' })).toMatchObject({ log: null });
    expect(
      run(opened, { type: 'start', task: 'log' }, { type: 'log-answer', result: err({ code: 'forbidden' }) }),
    ).toMatchObject({ step: 'pin', error: { code: 'forbidden' } });
  });
});
