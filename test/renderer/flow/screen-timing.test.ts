import { describe, expect, it } from 'vitest';
import { initialFlowState } from '../../../renderer/src/flow/flow-reducer';
import type { FlowState } from '../../../renderer/src/flow/flow-state';
import { idlePlan, promptMsFor, referenceStaySeconds } from '../../../renderer/src/flow/screen-timing';
import { selectScreen } from '../../../renderer/src/flow/select-screen';
import { aResult, readyState } from '../fakes/fake-kiosk-api';

const with_ = (overrides: Partial<FlowState>, idleTimeoutSeconds = 30): FlowState => ({
  ...initialFlowState,
  kiosk: readyState({ idleTimeoutSeconds }),
  ...overrides,
});
const planOf = (state: FlowState, customerSees = true) =>
  idlePlan(state, selectScreen(state, 0), customerSees);
const finished = (outcome: 'success' | 'partial' | 'failed' | 'attention'): Partial<FlowState> => ({
  flow: { step: 'finished', result: aResult({ outcome }) },
});

describe('promptMsFor', () => {
  it.each([
    [60_000, 15_000],
    [30_000, 15_000],
    [20_000, 10_000],
    [10_000, 5_000],
    [300_000, 15_000],
  ])('a stay of %i ms asks over its last %i ms', (stay, prompt) => {
    expect(promptMsFor(stay)).toBe(prompt);
  });
});

describe('referenceStaySeconds', () => {
  it.each([
    [10, 30],
    [30, 90],
    [60, 180],
    [100, 300],
    [120, 300],
    // Never shorter than an ordinary screen, even past the cap.
    [600, 600],
  ])('idle timeout %i s → %i s', (timeout, stay) => {
    expect(referenceStaySeconds(timeout)).toBe(stay);
  });
});

describe('idlePlan', () => {
  it('has nothing to do before the first state, on an empty entry, or during a redemption', () => {
    expect(planOf(initialFlowState)).toBeNull();
    expect(planOf(with_({}))).toBeNull();
    expect(planOf(with_({ code: '1234', flow: { step: 'checking' } }))).toBeNull();
    const dispensing = { step: 'dispensing', unit: 1, of: 1, outcomes: [], productName: null } as const;
    expect(planOf(with_({ flow: dispensing }))).toBeNull();
  });

  it('turns a quiet empty entry into the attract screen, or forgets a picked language, without asking', () => {
    const attracting = { ...with_({}), kiosk: readyState({ idleTimeoutSeconds: 30, attract: true }) };
    const quiet = { screen: 'entry', stayMs: 30_000, promptMs: 0, showsStay: false };
    expect(planOf(attracting)).toEqual(quiet);
    expect(planOf(with_({ chosenLanguage: 'zh-CN' }))).toEqual(quiet);
    // Not behind maintenance, not on the attract screen itself, not behind a lockout.
    expect(planOf(attracting, false)).toBeNull();
    expect(planOf({ ...attracting, attract: true })).toBeNull();
    expect(planOf({ ...attracting, answeredLockUntil: Number.MAX_SAFE_INTEGER })).toBeNull();
  });

  it('asks before a half-typed code goes, without a "closes in" line', () => {
    expect(planOf(with_({ code: '1234' }))).toEqual({
      screen: 'entry',
      stayMs: 30_000,
      promptMs: 15_000,
      showsStay: false,
    });
  });

  it('gives a success and a refusal the idle timeout, and says so', () => {
    for (const state of [
      with_(finished('success')),
      with_({ flow: { step: 'rejected', error: { code: 'unknown-code' }, code: '12345678' } }),
    ]) {
      expect(planOf(state)).toMatchObject({ stayMs: 30_000, promptMs: 15_000, showsStay: true });
    }
  });

  it.each(['partial', 'failed', 'attention'] as const)(
    'keeps a %s outcome, which shows a reference, three timeouts',
    (outcome) => {
      expect(planOf(with_(finished(outcome)))).toEqual({
        screen: outcome,
        stayMs: 90_000,
        promptMs: 15_000,
        showsStay: true,
      });
      expect(planOf(with_(finished(outcome), 120))).toMatchObject({ stayMs: 300_000 });
    },
  );

  it('keeps a success that leaves items owed, which shows a reference, three timeouts too', () => {
    const owedSuccess = with_({
      flow: { step: 'finished', result: aResult({ outcome: 'success', owed: 2 }) },
    });
    expect(planOf(owedSuccess)).toMatchObject({ screen: 'success', stayMs: 90_000 });
  });

  it('forgets a code nobody can see silently: behind maintenance, or "out of service"', () => {
    expect(planOf(with_({ code: '1234' }), false)).toMatchObject({ promptMs: 0, showsStay: false });
    const hidden = { ...with_({ code: '1234' }), kiosk: readyState({ phase: 'out-of-service' }) };
    expect(planOf(hidden)).toEqual({
      screen: 'out-of-service',
      stayMs: 30_000,
      promptMs: 0,
      showsStay: false,
    });
  });
});
