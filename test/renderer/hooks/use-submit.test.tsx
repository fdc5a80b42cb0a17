import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowAction } from '../../../renderer/src/flow/flow-state';
import { initialFlowState } from '../../../renderer/src/flow/flow-reducer';
import { useSubmit } from '../../../renderer/src/hooks/use-submit';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { settle } from '../render-app';

afterEach(cleanup);

const typed = { ...initialFlowState, kiosk: readyState(), code: '123456' };

describe('useSubmit', () => {
  it('sends once when a scanner Enter and a tap land before the screen re-renders', async () => {
    const fake = new FakeKioskApi();
    const actions: FlowAction[] = [];
    const { result } = renderHook(() => useSubmit(fake.api, typed, (a) => actions.push(a)));
    act(() => {
      result.current();
      result.current();
    });
    expect(fake.submitted).toEqual(['123456']);
    fake.succeed();
    await settle();
    expect(actions.map((a) => a.type)).toEqual(['submit', 'answer']);
    act(() => {
      result.current();
    });
    expect(fake.submitted).toHaveLength(2);
  });

  it('answers internal when the bridge itself rejects', async () => {
    const fake = new FakeKioskApi();
    const broken = { ...fake.api, submitCode: () => Promise.reject(new Error('bridge gone')) };
    const actions: FlowAction[] = [];
    const { result } = renderHook(() => useSubmit(broken, typed, (a) => actions.push(a)));
    act(() => {
      result.current();
    });
    await settle();
    expect(actions[1]).toMatchObject({ type: 'answer', result: { ok: false, error: { code: 'internal' } } });
  });

  it('does nothing for a code that is too short', () => {
    const fake = new FakeKioskApi();
    const { result } = renderHook(() => useSubmit(fake.api, { ...typed, code: '12345' }, () => undefined));
    act(() => {
      result.current();
    });
    expect(fake.submitted).toEqual([]);
  });
});
