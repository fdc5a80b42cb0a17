import { describe, expect, it } from 'vitest';
import { initialFlowState } from '../../../renderer/src/flow/flow-reducer';
import type { FlowState } from '../../../renderer/src/flow/flow-state';
import {
  formatCountdown,
  lockDeadline,
  secondsLeft,
  selectScreen,
} from '../../../renderer/src/flow/select-screen';
import { aResult, readyState } from '../fakes/fake-kiosk-api';

const NOW = 1_000_000;
const with_ = (overrides: Partial<FlowState>): FlowState => ({
  ...initialFlowState,
  kiosk: readyState(),
  ...overrides,
});
const dispensing = { step: 'dispensing', unit: 1, of: 2, outcomes: [], productName: null } as const;

describe('selectScreen', () => {
  it.each<[string, FlowState, string]>([
    ['no state yet', initialFlowState, 'starting'],
    ['main is starting', with_({ kiosk: readyState({ phase: 'starting' }) }), 'starting'],
    ['ready', with_({}), 'entry'],
    ['out of service', with_({ kiosk: readyState({ phase: 'out-of-service' }) }), 'out-of-service'],
    ['locked by state', with_({ kiosk: readyState({ entryLockedUntil: NOW + 1 }) }), 'locked-out'],
    ['lock expired', with_({ kiosk: readyState({ entryLockedUntil: NOW }) }), 'entry'],
    ['locked by an answer', with_({ answeredLockUntil: NOW + 5_000 }), 'locked-out'],
    ['checking', with_({ flow: { step: 'checking' } }), 'checking'],
    ['dispensing', with_({ flow: dispensing }), 'dispensing'],
    [
      'dispensing survives out-of-service',
      with_({ flow: dispensing, kiosk: readyState({ phase: 'out-of-service' }) }),
      'dispensing',
    ],
    ['success', with_({ flow: { step: 'finished', result: aResult() } }), 'success'],
    ['partial', with_({ flow: { step: 'finished', result: aResult({ outcome: 'partial' }) } }), 'partial'],
    [
      'failed dispense',
      with_({ flow: { step: 'finished', result: aResult({ outcome: 'failed' }) } }),
      'failed',
    ],
    [
      'attention',
      with_({ flow: { step: 'finished', result: aResult({ outcome: 'attention' }) } }),
      'attention',
    ],
    ['refused', with_({ flow: { step: 'rejected', error: { code: 'code-used' }, code: null } }), 'failed'],
    [
      'an outcome is shown before out-of-service',
      with_({
        flow: { step: 'finished', result: aResult({ outcome: 'attention' }) },
        kiosk: readyState({ phase: 'out-of-service' }),
      }),
      'attention',
    ],
  ])('%s → %s', (_name, state, expected) => {
    expect(selectScreen(state, NOW)).toBe(expected);
  });
});

describe('lock deadline and countdown', () => {
  it('takes the later of the state and the answer', () => {
    expect(lockDeadline(with_({}))).toBeNull();
    expect(lockDeadline(with_({ answeredLockUntil: 5 }))).toBe(5);
    expect(lockDeadline(with_({ kiosk: readyState({ entryLockedUntil: 9 }), answeredLockUntil: 5 }))).toBe(9);
    expect(lockDeadline(with_({ kiosk: readyState({ entryLockedUntil: 4 }), answeredLockUntil: 5 }))).toBe(5);
  });

  it.each([
    [65_000, 65, '1:05'],
    [64_001, 65, '1:05'],
    [1, 1, '0:01'],
    [0, 0, '0:00'],
    [-5_000, 0, '0:00'],
    [600_000, 600, '10:00'],
  ])('%i ms left → %i s, shown as %s', (remaining, seconds, shown) => {
    expect(secondsLeft(NOW + remaining, NOW)).toBe(seconds);
    expect(formatCountdown(seconds)).toBe(shown);
  });
});
