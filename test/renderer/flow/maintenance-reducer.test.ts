import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../electron/contract/result';
import { formatDuration, formatSkew, minutesUp } from '../../../renderer/src/flow/format-maintenance';
import { maintenanceReducer } from '../../../renderer/src/flow/maintenance-reducer';
import {
  canSubmitPin,
  closedMaintenance,
  type MaintenanceAction,
  type MaintenanceState,
} from '../../../renderer/src/flow/maintenance-state';
import { stringTables } from '../../../renderer/src/i18n/i18n-context';
import { aStatus } from '../fakes/fake-maintenance';

const run = (start: MaintenanceState, ...actions: MaintenanceAction[]): MaintenanceState =>
  actions.reduce(maintenanceReducer, start);
const keys = (text: string): MaintenanceAction[] => Array.from(text).map((key) => ({ type: 'pin-key', key }));
const pinOf = (state: MaintenanceState): string | null => (state.step === 'pin' ? state.pin : null);
const pinStep = run(closedMaintenance, { type: 'begin' });
const opened = run(
  pinStep,
  ...keys('2468'),
  { type: 'start', task: 'open' },
  { type: 'answer', task: 'open', result: ok(aStatus()) },
);

describe('maintenanceReducer: the PIN', () => {
  it.each([
    ['digits append', keys('246'), '246'],
    ['letters and symbols are ignored', keys('2a4-#'), '24'],
    ['stops at twelve digits', keys('12345678901234'), '123456789012'],
    ['delete removes the last one', [...keys('246'), { type: 'pin-delete' }] as MaintenanceAction[], '24'],
    ['clear empties', [...keys('246'), { type: 'pin-clear' }] as MaintenanceAction[], ''],
  ])('%s', (_name, actions, expected) => {
    expect(pinOf(run(pinStep, ...actions))).toBe(expected);
  });

  it('can be sent from four digits on, and not twice', () => {
    expect(canSubmitPin(run(pinStep, ...keys('246')))).toBe(false);
    expect(canSubmitPin(run(pinStep, ...keys('2468')))).toBe(true);
    const sending = run(pinStep, ...keys('2468'), { type: 'start', task: 'open' });
    expect(canSubmitPin(sending)).toBe(false);
  });

  it('forgets the PIN the moment it is sent, and ignores keys until the answer', () => {
    const sending = run(pinStep, ...keys('2468'), { type: 'start', task: 'open' }, ...keys('1'));
    expect(sending).toEqual({ step: 'pin', pin: '', pending: true, error: null });
  });

  it('shows a refusal and lets the operator type again', () => {
    const refused = run(
      pinStep,
      ...keys('1111'),
      { type: 'start', task: 'open' },
      {
        type: 'answer',
        task: 'open',
        result: err({ code: 'pin-wrong' }),
      },
    );
    expect(refused).toEqual({ step: 'pin', pin: '', pending: false, error: { code: 'pin-wrong' } });
    expect(run(refused, ...keys('2'))).toEqual({ step: 'pin', pin: '2', pending: false, error: null });
  });

  it('opens the status on the right PIN', () => {
    expect(opened).toMatchObject({ step: 'status', pending: null, confirm: null, done: null, error: null });
  });

  it('does nothing with a begin while already open', () => {
    expect(run(opened, { type: 'begin' })).toBe(opened);
  });
});

describe('maintenanceReducer: the status screen', () => {
  const lock = { addr: 1, slot: 2 };

  it('asks before clearing, and the answer clears the question and says it is done', () => {
    const asking = run(opened, { type: 'ask-clear', lock });
    expect(asking).toMatchObject({ confirm: lock });
    expect(run(asking, { type: 'cancel-clear' })).toMatchObject({ confirm: null });
    const clearing = run(asking, { type: 'start', task: 'clear' });
    expect(clearing).toMatchObject({ pending: 'clear', confirm: null });
    const done = run(clearing, { type: 'answer', task: 'clear', result: ok(aStatus({ diagnostics: null })) });
    expect(done).toMatchObject({ pending: null, done: 'clear', status: { diagnostics: null } });
  });

  it('runs one request at a time and ignores an answer it is not waiting for', () => {
    const retrying = run(opened, { type: 'start', task: 'retry' });
    expect(run(retrying, { type: 'start', task: 'refresh' })).toBe(retrying);
    expect(run(retrying, { type: 'answer', task: 'refresh', result: ok(aStatus()) })).toBe(retrying);
    expect(run(retrying, { type: 'ask-clear', lock })).toBe(retrying);
  });

  it('keeps the status and shows the error when an action fails', () => {
    const failed = run(
      opened,
      { type: 'start', task: 'retry' },
      {
        type: 'answer',
        task: 'retry',
        result: err({ code: 'internal' }),
      },
    );
    expect(failed).toMatchObject({ step: 'status', pending: null, error: { code: 'internal' } });
  });

  it('asks for the PIN again when main says the session is gone', () => {
    const expired = run(
      opened,
      { type: 'start', task: 'refresh' },
      {
        type: 'answer',
        task: 'refresh',
        result: err({ code: 'forbidden' }),
      },
    );
    expect(expired).toEqual({ step: 'pin', pin: '', pending: false, error: { code: 'forbidden' } });
  });

  it('ignores an answer that arrives after close', () => {
    const closed = run(pinStep, ...keys('2468'), { type: 'start', task: 'open' }, { type: 'close' });
    expect(run(closed, { type: 'answer', task: 'open', result: ok(aStatus()) })).toEqual(closedMaintenance);
  });
});

describe('maintenance formatting', () => {
  const t = stringTables.en;
  it.each([
    [0, '0 s'],
    [45_400, '45 s'],
    [119_000, '119 s'],
    [120_000, '2 min'],
    [7_140_000, '119 min'],
    [7_200_000, '2 h'],
  ])('%i ms reads %s', (ms, expected) => {
    expect(formatDuration(t, ms)).toBe(expected);
  });

  it('signs the clock difference and rounds lockout minutes up', () => {
    expect(formatSkew(t, -2000)).toBe('−2 s');
    expect(formatSkew(t, 3000)).toBe('+3 s');
    expect(formatSkew(t, -400)).toBe('0 s');
    expect(formatSkew(stringTables['zh-CN'], 180_000)).toBe('+3 分钟');
    expect([minutesUp(1), minutesUp(300), minutesUp(301)]).toEqual([1, 5, 6]);
  });
});
