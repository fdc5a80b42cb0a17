import { describe, expect, it } from 'vitest';
import { ipcErrorCodes, type IpcErrorCode } from '../../../electron/contract/errors';
import { err, ok } from '../../../electron/contract/result';
import { flowReducer, initialFlowState } from '../../../renderer/src/flow/flow-reducer';
import { canSubmit, type FlowAction, type FlowState } from '../../../renderer/src/flow/flow-state';
import { aResult, readyState } from '../fakes/fake-kiosk-api';

const ready: FlowState = { ...initialFlowState, kiosk: readyState() };
const run = (start: FlowState, ...actions: FlowAction[]): FlowState => actions.reduce(flowReducer, start);
const keys = (text: string): FlowAction[] => Array.from(text).map((key) => ({ type: 'key', key }));
const checking: FlowState = run(ready, ...keys('123456'), { type: 'submit' });

describe('flowReducer: typing', () => {
  it.each([
    ['digits append', keys('123'), '123'],
    ['letters from a scanner append', keys('AB12'), 'AB12'],
    ['symbols are ignored', keys('12-#'), '12'],
    ['multi-character keys are ignored', [{ type: 'key', key: 'Shift' }] as FlowAction[], ''],
    ['stops at ten characters', keys('123456789012'), '1234567890'],
    ['delete removes the last one', [...keys('123'), { type: 'delete' }] as FlowAction[], '12'],
    ['delete on empty stays empty', [{ type: 'delete' }] as FlowAction[], ''],
    ['clear empties', [...keys('12345'), { type: 'clear' }] as FlowAction[], ''],
    ['fill puts a demo code in', [{ type: 'fill', code: '20240601' }] as FlowAction[], '20240601'],
    ['fill refuses a too-long code', [{ type: 'fill', code: '12345678901' }] as FlowAction[], ''],
    ['fill refuses symbols', [{ type: 'fill', code: '12 34 56' }] as FlowAction[], ''],
  ])('%s', (_name, actions, expected) => {
    expect(run(ready, ...actions).code).toBe(expected);
  });

  it.each([
    [5, false],
    [6, true],
    [10, true],
  ])('a %i-character code can be submitted: %s', (length, expected) => {
    const state = run(ready, ...keys('1234567890'.slice(0, length)));
    expect(canSubmit(state)).toBe(expected);
    expect(flowReducer(state, { type: 'submit' }).flow.step).toBe(expected ? 'checking' : 'entry');
  });

  it('ignores keys while a code is being checked', () => {
    expect(run(checking, ...keys('9'), { type: 'clear' }).code).toBe('123456');
  });
});

describe('flowReducer: redemption', () => {
  it('follows progress into "n of m" with each unit outcome', () => {
    const state = run(
      checking,
      { type: 'progress', progress: { redemptionId: 'r', stage: 'checking' } },
      {
        type: 'progress',
        progress: { redemptionId: 'r', stage: 'dispensing', unit: 1, of: 3, productName: 'Tea' },
      },
      {
        type: 'progress',
        progress: { redemptionId: 'r', stage: 'unit-done', unit: 1, of: 3, unitOutcome: 'success' },
      },
      { type: 'progress', progress: { redemptionId: 'r', stage: 'dispensing', unit: 2, of: 3 } },
    );
    expect(state.flow).toEqual({
      step: 'dispensing',
      unit: 2,
      of: 3,
      outcomes: ['success'],
      productName: 'Tea',
    });
  });

  it('ignores a stray progress event when nothing is in flight', () => {
    const stray: FlowAction = {
      type: 'progress',
      progress: { redemptionId: 'r', stage: 'dispensing', unit: 1, of: 1 },
    };
    expect(flowReducer(ready, stray)).toBe(ready);
  });

  it('drops the typed code once the answer arrives', () => {
    const done = flowReducer(checking, { type: 'answer', result: ok(aResult()), at: 0 });
    expect(done.code).toBe('');
    expect(done.flow).toEqual({ step: 'finished', result: aResult() });
  });

  it('turns an error answer into a refusal', () => {
    const done = flowReducer(checking, { type: 'answer', result: err({ code: 'code-used' }), at: 0 });
    expect(done.flow).toEqual({ step: 'rejected', error: { code: 'code-used' }, code: null });
    expect(done.code).toBe('');
  });

  it('turns a locked-out answer into a lock deadline and an empty entry', () => {
    const done = flowReducer(checking, {
      type: 'answer',
      result: err({ code: 'locked-out', retryAfterSeconds: 30 }),
      at: 1_000,
    });
    expect(done).toMatchObject({ code: '', flow: { step: 'entry' }, answeredLockUntil: 31_000 });
    expect(flowReducer(done, { type: 'kiosk-state', state: readyState() }).answeredLockUntil).toBeNull();
  });

  it('ignores an answer when no code is in flight', () => {
    expect(flowReducer(ready, { type: 'answer', result: ok(aResult()), at: 0 })).toBe(ready);
  });

  it.each(['done', 'idle'] as const)('%s returns to an empty entry, except mid-redemption', (type) => {
    const finished = flowReducer(checking, { type: 'answer', result: ok(aResult()), at: 0 });
    expect(flowReducer(finished, { type }).flow).toEqual({ step: 'entry' });
    expect(flowReducer(run(ready, ...keys('12')), { type }).code).toBe('');
    expect(flowReducer(checking, { type })).toBe(checking);
  });
});

describe('flowReducer: enter the code again', () => {
  const refused = (code: IpcErrorCode, from: FlowState = checking): FlowState =>
    flowReducer(from, { type: 'answer', result: err({ code }), at: 0 });

  it.each(['unknown-code', 'code-checking'] as const)(
    'keeps the code off the entry after %s, and hands it back for editing',
    (code) => {
      const state = refused(code);
      expect(state.code).toBe('');
      expect(state.flow).toMatchObject({ step: 'rejected', code: '123456' });
      const again = flowReducer(state, { type: 'enter-again' });
      expect(again).toMatchObject({ code: '123456', flow: { step: 'entry' } });
      expect(flowReducer(again, { type: 'delete' }).code).toBe('12345');
    },
  );

  it('keeps a scanned code the same way', () => {
    const scanned = flowReducer(ready, { type: 'scanned', code: 'AB1234' });
    expect(refused('unknown-code', scanned).flow).toMatchObject({ code: 'AB1234' });
  });

  it.each(
    ipcErrorCodes.filter(
      (code) => code !== 'unknown-code' && code !== 'code-checking' && code !== 'locked-out',
    ),
  )('drops the code with %s, and "enter again" starts empty', (code) => {
    const state = refused(code);
    expect(state.flow).toMatchObject({ step: 'rejected', code: null });
    expect(flowReducer(state, { type: 'enter-again' })).toMatchObject({ code: '', flow: { step: 'entry' } });
  });

  it.each(['done', 'idle'] as const)('%s forgets a kept code', (type) => {
    const state = flowReducer(refused('unknown-code'), { type });
    expect(state).toMatchObject({ code: '', flow: { step: 'entry' } });
    expect(flowReducer(state, { type: 'enter-again' })).toBe(state);
  });

  it('idle forgets the code handed back to the entry', () => {
    const again = flowReducer(refused('unknown-code'), { type: 'enter-again' });
    expect(flowReducer(again, { type: 'idle' }).code).toBe('');
  });

  it('a scan on the refusal screen replaces the kept code', () => {
    const scanned = flowReducer(refused('unknown-code'), { type: 'scanned', code: '99990000' });
    expect(scanned).toMatchObject({ code: '99990000', flow: { step: 'checking' } });
  });

  it('does nothing outside a refusal', () => {
    expect(flowReducer(ready, { type: 'enter-again' })).toBe(ready);
    expect(flowReducer(checking, { type: 'enter-again' })).toBe(checking);
  });
});

describe('flowReducer: language and the attract screen', () => {
  const offering: FlowState = {
    ...initialFlowState,
    kiosk: readyState({ languages: ['en', 'zh-CN'], attract: true }),
  };

  it('takes only an offered language, on the entry, and keeps the typed code', () => {
    expect(run(offering, ...keys('12'), { type: 'language', language: 'zh-CN' })).toMatchObject({
      chosenLanguage: 'zh-CN',
      code: '12',
    });
    expect(run(offering, { type: 'language', language: 'fr' }).chosenLanguage).toBeNull();
    expect(run(ready, { type: 'language', language: 'zh-CN' }).chosenLanguage).toBeNull();
    const busy = run(
      offering,
      ...keys('123456'),
      { type: 'submit' },
      { type: 'language', language: 'zh-CN' },
    );
    expect(busy.chosenLanguage).toBeNull();
  });

  it('an idle reset forgets the language; on an already empty entry it brings the attract screen', () => {
    const typed = run(offering, { type: 'language', language: 'zh-CN' }, ...keys('12'), { type: 'idle' });
    expect(typed).toMatchObject({ code: '', chosenLanguage: null, attract: false });
    expect(run(typed, { type: 'idle' }).attract).toBe(true);
    expect(run(ready, { type: 'idle' }).attract).toBe(false);
  });

  it('a key, a tap or a language pick wakes it; a key types nothing there', () => {
    const asleep = run(offering, { type: 'idle' });
    expect(run(asleep, ...keys('7'))).toMatchObject({ attract: false, code: '' });
    expect(run(asleep, { type: 'fill', code: '20240601' })).toMatchObject({ attract: false, code: '' });
    expect(run(asleep, { type: 'wake' }).attract).toBe(false);
    expect(run(asleep, { type: 'language', language: 'zh-CN' })).toMatchObject({
      attract: false,
      chosenLanguage: 'zh-CN',
    });
  });

  it('a scan on it goes straight to checking', () => {
    const asleep = run(offering, { type: 'idle' });
    expect(run(asleep, { type: 'scanned', code: '93881067' })).toMatchObject({
      attract: false,
      code: '93881067',
      flow: { step: 'checking' },
    });
  });
});
