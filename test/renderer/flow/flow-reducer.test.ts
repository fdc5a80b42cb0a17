import { describe, expect, it } from 'vitest';
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
    const done = flowReducer(checking, { type: 'answer', result: err({ code: 'unknown-code' }), at: 0 });
    expect(done.flow).toEqual({ step: 'rejected', error: { code: 'unknown-code' } });
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
