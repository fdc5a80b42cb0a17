import type {
  IpcError,
  KioskState,
  RedemptionProgress,
  RedemptionResult,
  Result,
} from '../../../electron/contract';

/** Codes are 6–10 characters (the vendor's range); the keypad refuses to grow past the maximum. */
export const MIN_CODE_LENGTH = 6;
export const MAX_CODE_LENGTH = 10;

export type UnitOutcome = NonNullable<RedemptionProgress['unitOutcome']>;

/** Where the customer is in one redemption. Kiosk-wide conditions (starting, locked, out of service) live in `kiosk`. */
export type FlowStep =
  | { readonly step: 'entry' }
  | { readonly step: 'checking' }
  | {
      readonly step: 'dispensing';
      readonly unit: number;
      readonly of: number;
      /** Outcome of each finished unit, in order, so the screen can draw "n of m" with what already happened. */
      readonly outcomes: readonly UnitOutcome[];
      readonly productName: string | null;
      /** The item's cached photo (app-origin path) and its slot, when the events carried them. */
      readonly productPhoto?: string;
      readonly slotName?: string;
    }
  | { readonly step: 'finished'; readonly result: RedemptionResult }
  | {
      readonly step: 'rejected';
      readonly error: IpcError;
      /**
       * The code as sent, kept only where "Enter code again" hands it back for editing (see refusal-plan.ts);
       * null for every other refusal, so a code leaves the screen with its answer.
       */
      readonly code: string | null;
    };

export type FlowState = {
  readonly kiosk: KioskState | null;
  readonly code: string;
  readonly flow: FlowStep;
  /**
   * Lock deadline learnt from a `locked-out` answer. The state event carries the same deadline, but it may
   * arrive after the answer; this keeps the countdown on screen in between.
   */
  readonly answeredLockUntil: number | null;
  /** A scan that held no readable code: said on the entry screen until the next key, never submitted. */
  readonly notice: 'scan-unreadable' | null;
  /**
   * The language this customer picked on screen, or null for the machine's. It lasts through their redemptions
   * and is forgotten with them at the idle reset, so the next customer starts in the machine's language.
   */
  readonly chosenLanguage: string | null;
  /** The attract screen is up: a quiet empty entry became it; a tap or a scan ends it. */
  readonly attract: boolean;
  /** Counts the moments a customer began (woke the attract screen, picked a language), each greeted aloud. */
  readonly greeting: number;
};

export type FlowAction =
  | { readonly type: 'kiosk-state'; readonly state: KioskState }
  | { readonly type: 'key'; readonly key: string }
  | { readonly type: 'delete' }
  | { readonly type: 'clear' }
  | { readonly type: 'fill'; readonly code: string }
  | { readonly type: 'submit' }
  /** A scanner's burst read as a code: a new entry, straight to checking, from the entry or an outcome screen. */
  | { readonly type: 'scanned'; readonly code: string }
  | { readonly type: 'scan-unreadable' }
  | { readonly type: 'progress'; readonly progress: RedemptionProgress }
  | { readonly type: 'answer'; readonly result: Result<RedemptionResult, IpcError>; readonly at: number }
  /** "Enter code again" on a refusal: back to the entry, with the code in the boxes where it was kept. */
  | { readonly type: 'enter-again' }
  | { readonly type: 'done' }
  /** A tap on the language switch: one of the kiosk's offered languages (anything else changes nothing). */
  | { readonly type: 'language'; readonly language: string }
  /** The tap that ends the attract screen: it shows the entry and presses nothing. */
  | { readonly type: 'wake' }
  | { readonly type: 'idle' };

export const initialFlowState: FlowState = {
  kiosk: null,
  code: '',
  flow: { step: 'entry' },
  answeredLockUntil: null,
  notice: null,
  chosenLanguage: null,
  attract: false,
  greeting: 0,
};

const codeCharacter = /^[0-9A-Za-z]$/;

/** One character a keypad or scanner may add: a single letter or digit, as the contract's code format allows. */
export const isCodeCharacter = (key: string): boolean => codeCharacter.test(key);

/** Letters and digits only (any length): what a demo-code tap may put into the entry. */
export const isCodeText = (text: string): boolean => /^[0-9A-Za-z]*$/.test(text);

export const canSubmit = (state: FlowState): boolean =>
  state.flow.step === 'entry' && state.code.length >= MIN_CODE_LENGTH && state.code.length <= MAX_CODE_LENGTH;

/** A redemption in flight is never interrupted: no idle reset, no keypad, no screen change. */
export const isBusy = (state: FlowState): boolean =>
  state.flow.step === 'checking' || state.flow.step === 'dispensing';
