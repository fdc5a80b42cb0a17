import type { RedemptionProgress } from '../../../electron/contract';
import {
  canSubmit,
  initialFlowState,
  isBusy,
  isCodeCharacter,
  isCodeText,
  MAX_CODE_LENGTH,
  type FlowAction,
  type FlowState,
  type FlowStep,
} from './flow-state';
import { keepsCode } from './refusal-plan';

const backToEntry = (state: FlowState): FlowState => ({
  ...state,
  code: '',
  flow: { step: 'entry' },
  notice: null,
  attract: false,
});

/** On the attract screen a key only wakes the kiosk: the first press shows the entry, it types nothing. */
const woken = (state: FlowState): FlowState => ({ ...state, attract: false, greeting: state.greeting + 1 });

const editCode = (state: FlowState, next: string): FlowState => {
  if (state.attract) return woken(state);
  return state.flow.step === 'entry' && next.length <= MAX_CODE_LENGTH
    ? { ...state, code: next, notice: null }
    : state;
};

const offers = (state: FlowState, language: string): boolean =>
  (state.kiosk?.languages ?? []).includes(language);

/** The switch is on the entry and attract screens only; picking from the attract screen also wakes it. */
const chooseLanguage = (state: FlowState, language: string): FlowState =>
  state.flow.step === 'entry' && offers(state, language)
    ? { ...woken(state), chosenLanguage: language }
    : state;

/**
 * The quiet-spell reset: any screen but a redemption in flight returns to an empty entry in the machine's language.
 * An entry that was already empty becomes the attract screen, where the kiosk shows one.
 */
const idle = (state: FlowState): FlowState => {
  if (isBusy(state)) return state;
  const quiet = state.flow.step === 'entry' && state.code === '';
  return {
    ...backToEntry(state),
    chosenLanguage: null,
    attract: quiet && state.kiosk?.attract === true,
  };
};

/** An optional field only when it has a value, so an absent one stays absent (exactOptionalPropertyTypes). */
const pick = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  value === undefined ? {} : ({ [key]: value } as Partial<Record<K, string>>);

/** Folds a progress event into the step; events outside a redemption (a late or stray one) are ignored. */
const applyProgress = (flow: FlowStep, progress: RedemptionProgress): FlowStep => {
  if (flow.step !== 'checking' && flow.step !== 'dispensing') return flow;
  if (progress.stage === 'checking') return flow;
  const previous = flow.step === 'dispensing' ? flow : null;
  const of = progress.of ?? previous?.of ?? 1;
  const unit = progress.unit ?? previous?.unit ?? 1;
  const outcomes = [...(previous?.outcomes ?? [])];
  if (progress.stage === 'unit-done' && progress.unitOutcome !== undefined)
    outcomes[unit - 1] = progress.unitOutcome;
  return {
    step: 'dispensing',
    unit,
    of,
    outcomes,
    productName: progress.productName ?? previous?.productName ?? null,
    ...pick('productPhoto', progress.productPhoto ?? previous?.productPhoto),
    ...pick('slotName', progress.slotName ?? previous?.slotName),
  };
};

const applyAnswer = (state: FlowState, action: Extract<FlowAction, { type: 'answer' }>): FlowState => {
  if (!isBusy(state)) return state;
  if (action.result.ok)
    return { ...state, code: '', flow: { step: 'finished', result: action.result.value } };
  const error = action.result.error;
  if (error.code === 'locked-out') {
    // The lock screen takes over from the entry step; it needs only the deadline.
    const seconds = error.retryAfterSeconds ?? 0;
    return { ...backToEntry(state), answeredLockUntil: action.at + seconds * 1000 };
  }
  const kept = keepsCode(error.code) ? state.code : null;
  return { ...state, code: '', flow: { step: 'rejected', error, code: kept } };
};

const enterAgain = (state: FlowState): FlowState => {
  if (state.flow.step !== 'rejected') return state;
  return { ...backToEntry(state), code: state.flow.code ?? '' };
};

/** The whole touch flow as a pure function: every tap, event and answer is an action. */
export const flowReducer = (state: FlowState, action: FlowAction): FlowState => {
  switch (action.type) {
    case 'kiosk-state':
      // The main process is the authority on the lock: a fresh state supersedes what an answer told us.
      return { ...state, kiosk: action.state, answeredLockUntil: null };
    case 'key':
      return isCodeCharacter(action.key) ? editCode(state, state.code + action.key) : state;
    case 'delete':
      return editCode(state, state.code.slice(0, -1));
    case 'clear':
      return editCode(state, '');
    case 'fill':
      return isCodeText(action.code) ? editCode(state, action.code) : state;
    case 'submit':
      // The code stays in state until the answer arrives; then it is dropped, unless the refusal keeps it to edit.
      return canSubmit(state) ? { ...state, flow: { step: 'checking' } } : state;
    case 'scanned':
      // Whatever the burst typed into the boxes is replaced by what the scan held, kept like a typed one.
      return isBusy(state) || !isCodeText(action.code)
        ? state
        : { ...backToEntry(state), code: action.code, flow: { step: 'checking' } };
    case 'scan-unreadable':
      return isBusy(state) ? state : { ...backToEntry(state), notice: 'scan-unreadable' };
    case 'progress': {
      const flow = applyProgress(state.flow, action.progress);
      return flow === state.flow ? state : { ...state, flow };
    }
    case 'answer':
      return applyAnswer(state, action);
    case 'enter-again':
      return enterAgain(state);
    case 'done':
      return isBusy(state) ? state : backToEntry(state);
    case 'language':
      return chooseLanguage(state, action.language);
    case 'wake':
      return state.attract ? woken(state) : state;
    case 'idle':
      return idle(state);
  }
};

export { initialFlowState };
