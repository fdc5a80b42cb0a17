import type { IpcErrorCode } from '../../../electron/contract';
import type { StartupStep } from '../../../electron/contract/schemas';
import type { CustomerRefusal } from '../flow/refusal-plan';
import type { SpeechCue } from '../sound/speech-cues';

/** A refused code: its headline, what happened in one plain sentence, and what to do next. */
export type RefusalCopy = { readonly title: string; readonly body: string; readonly next: string };

/**
 * Every sentence the customer can see. Both languages implement this type, so a missing key is a compile
 * error; `{name}` placeholders are filled by `fill()`.
 */
export type Strings = {
  /** The language's own name for itself, as the switch shows it to someone who reads only that language. */
  readonly languageName: string;
  /** The switch's accessible name. */
  readonly languageSwitch: string;
  /** The attract screen: its headline, the "how to collect" steps in order, and how to begin. */
  readonly attractTitle: string;
  readonly attractSteps: readonly [string, string, string];
  readonly attractStart: string;
  readonly demoBanner: string;
  readonly demoCodesTitle: string;
  readonly entryTitle: string;
  /** Says the usual code length ({n}) in digits: the keypad has nothing else. */
  readonly entryHint: string;
  /** A scan held no pickup code (a product barcode, a link without one); nothing was submitted. */
  readonly scanUnreadable: string;
  readonly codeLabel: string;
  readonly keyDelete: string;
  readonly keyClear: string;
  readonly keySubmit: string;
  /** On a disabled submit: the digits still needed. Exactly one, and {n}. */
  readonly submitMissingOne: string;
  readonly submitMissingMany: string;
  readonly checkingTitle: string;
  readonly checkingHint: string;
  /** Added to the checking screen after a few seconds without an answer: calm, not an error. */
  readonly checkingSlow: string;
  readonly dispensingTitle: string;
  readonly dispensingUnit: string;
  readonly dispensingHint: string;
  readonly unitDropped: string;
  readonly unitFailed: string;
  readonly unitUnknown: string;
  readonly unitCurrent: string;
  readonly unitWaiting: string;
  /** Success for one item, and for {n}; the body names the product. */
  readonly successTitle: string;
  readonly successTitleMany: string;
  readonly successBody: string;
  /** Under the item's name: which slot it drops from, e.g. "From slot A21". */
  readonly itemFromSlot: string;
  readonly successBodyMany: string;
  /** Partial: {n} of {m} dropped in the headline; then where the one, or the {n}, that dropped are. */
  readonly partialTitle: string;
  readonly partialBodyOne: string;
  readonly partialBodyMany: string;
  /** The next step when nothing is owed back and a person has to sort it out: quote the reference. */
  readonly supportNext: string;
  /** Items still owed: the code works for them again. One item, and several ({n}). */
  readonly owedOne: string;
  readonly owedMany: string;
  /** Nothing dropped: the headline, then the sentence for one item, and for {n}. */
  readonly failedTitle: string;
  readonly failedBodyOne: string;
  readonly failedBodyMany: string;
  /** Unconfirmed drop, for one item and for several: {n} of {m} confirmed, and what to check. */
  readonly attentionTitle: string;
  readonly attentionTitleMany: string;
  readonly attentionCount: string;
  readonly attentionBody: string;
  readonly attentionBodyMany: string;
  readonly attentionKeepCode: string;
  readonly referenceLabel: string;
  readonly supportLabel: string;
  readonly supportFallback: string;
  readonly lockedTitle: string;
  readonly lockedBody: string;
  readonly lockedCountdownLabel: string;
  readonly outOfServiceTitle: string;
  readonly outOfServiceBody: string;
  readonly startingTitle: string;
  readonly startingBody: string;
  /** One line per start step, under the title: what the machine is busy with. */
  readonly startingSteps: Readonly<Record<StartupStep, string>>;
  readonly done: string;
  /** After a wrong code: how many more the keypad takes before it locks for a while. Exactly one, and {n}. */
  readonly triesLeftOne: string;
  readonly triesLeftMany: string;
  /** Offered only on a refusal that retyping can help (see refusal-plan.ts). */
  readonly enterAgain: string;
  /** Beside the code a "not recognised" refusal kept, so the customer can check it. */
  readonly enteredLabel: string;
  /** Outcome screens: how long they stay. Exactly one second, and {n} seconds. */
  readonly closesInOne: string;
  readonly closesInMany: string;
  /** "Still there?" before an idle reset: what a half-typed code is told (one second, {n} seconds), the button. */
  readonly idleTitle: string;
  readonly idleClearsInOne: string;
  readonly idleClearsInMany: string;
  readonly idleMoreTime: string;
  /** The operator's maintenance screen (hidden from customers). */
  readonly maintTitle: string;
  readonly maintPinHint: string;
  readonly maintPinLabel: string;
  readonly maintPinOpen: string;
  readonly maintPinLocked: string;
  readonly maintSessionEnded: string;
  readonly maintMachineLine: string;
  readonly maintModeDemo: string;
  readonly maintOutOfService: string;
  readonly maintCredentials: string;
  readonly maintBoard: string;
  readonly maintBoardConnected: string;
  readonly maintBoardReconnecting: string;
  readonly maintBoardDown: string;
  readonly maintOutbox: string;
  readonly maintOpenRedemptions: string;
  readonly maintCacheAge: string;
  readonly maintClockSkew: string;
  readonly maintNotYetKnown: string;
  readonly maintLiveLink: string;
  readonly maintLiveUp: string;
  readonly maintLiveReconnecting: string;
  readonly maintLiveOff: string;
  /** {state}, {waiting} messages queued for the platform, {dropped} received messages refused. */
  readonly maintLiveLine: string;
  readonly maintNoDiagnostics: string;
  readonly maintSlotLocks: string;
  readonly maintNoSlotLocks: string;
  readonly maintSlot: string;
  readonly maintLockedSince: string;
  readonly maintUnlock: string;
  readonly maintConfirmUnlock: string;
  readonly maintConfirmYes: string;
  readonly maintCancel: string;
  readonly maintUnlocked: string;
  readonly maintBoardsOut: string;
  /** {addr}: a board that did not answer the start-up check, and one whose hardware differs from the configuration. */
  readonly maintBoardSilent: string;
  readonly maintBoardMismatch: string;
  readonly maintOwed: string;
  readonly maintNoOwed: string;
  /** One owed code: {code} masked, {slot}, {n} items, {time}. */
  readonly maintOwedItem: string;
  readonly maintSettle: string;
  readonly maintConfirmSettle: string;
  readonly maintConfirmSettleYes: string;
  readonly maintSettled: string;
  readonly maintAttention: string;
  readonly maintNoAttention: string;
  readonly maintAttentionItem: string;
  readonly maintRetryOutbox: string;
  readonly maintSent: string;
  readonly maintRefresh: string;
  readonly maintClose: string;
  readonly maintWorking: string;
  readonly maintSeconds: string;
  readonly maintMinutes: string;
  readonly maintHours: string;
  /** Operator tools: the service switch, test dispense, restock, resolving attention, the recent log. */
  readonly maintService: string;
  readonly maintInService: string;
  /** {time}, and {by}: who took it out (maintByMaintenance / maintByKioskctl). */
  readonly maintOutOfServiceSince: string;
  readonly maintByMaintenance: string;
  readonly maintByKioskctl: string;
  readonly maintByUnknown: string;
  readonly maintServiceOff: string;
  readonly maintServiceOn: string;
  readonly maintConfirmServiceOff: string;
  readonly maintConfirmServiceOffYes: string;
  readonly maintConfirmServiceOn: string;
  readonly maintConfirmServiceOnYes: string;
  readonly maintServiceTakenOff: string;
  readonly maintServiceBackOn: string;
  readonly maintSlots: string;
  readonly maintNoSlots: string;
  /** One slot: {slot} name, product {name}, {stock} of {capacity}. */
  readonly maintSlotLine: string;
  readonly maintSlotLocked: string;
  readonly maintTest: string;
  readonly maintConfirmTest: string;
  readonly maintConfirmTestYes: string;
  /** {outcome}: one of maintTestDropped / maintTestFailed / maintTestUnknown / maintTestRunning. */
  readonly maintLastTest: string;
  readonly maintTestDropped: string;
  readonly maintTestFailed: string;
  readonly maintTestUnknown: string;
  readonly maintTestRunning: string;
  readonly maintTestDone: string;
  readonly maintTestBusy: string;
  readonly maintTestBoardOut: string;
  readonly maintTestNotConfigured: string;
  readonly maintRestock: string;
  readonly maintRestockTitle: string;
  readonly maintRestockCount: string;
  readonly maintRestockReview: string;
  readonly maintConfirmRestock: string;
  readonly maintConfirmRestockYes: string;
  readonly maintRestocked: string;
  readonly maintRestockInvalid: string;
  readonly maintResolve: string;
  readonly maintResolveQuestion: string;
  /** The resolve answers: kept in the audit log as the note. */
  readonly maintNoteDropped: string;
  readonly maintNoteNotDropped: string;
  readonly maintNoteServed: string;
  readonly maintNoteRefunded: string;
  readonly maintConfirmResolveYes: string;
  readonly maintResolved: string;
  readonly maintResolveInvalid: string;
  readonly maintLog: string;
  readonly maintLogShow: string;
  readonly maintLogReload: string;
  readonly maintLogHide: string;
  readonly maintLogEmpty: string;
  readonly maintLogNewestFirst: string;
  readonly maintLogUnreadable: string;
  /** The maintenance screen's sound panel: {n} is the volume in percent. */
  readonly maintSound: string;
  readonly maintSoundLevel: string;
  readonly maintSoundMuted: string;
  readonly maintSoundQuieter: string;
  readonly maintSoundLouder: string;
  readonly maintSoundMute: string;
  readonly maintSoundUnmute: string;
  readonly maintSoundSaved: string;
  /** What the kiosk says aloud, per cue (sound/speech-cues.ts); `npm run speech` renders these to audio. */
  readonly speech: Readonly<Record<SpeechCue, string>>;
  /** One plain sentence per error code that can cross the bridge. */
  readonly errors: Readonly<Record<IpcErrorCode, string>>;
  /** The customer's refusal screen, per reason (the operator's screens use `errors`). */
  readonly refusals: Readonly<Record<CustomerRefusal, RefusalCopy>>;
};

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so a missing value is noticed in tests. */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });

/**
 * The sentence for a count: `one` for exactly 1, otherwise `many` with `{n}` filled. English needs both; Chinese
 * has no plural, so its two sentences differ only in the number.
 */
export const countSentence = (n: number, one: string, many: string): string =>
  n === 1 ? one : fill(many, { n });

/** The `{name}` placeholders a template uses, for the completeness test. */
export const placeholdersOf = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
