import type { Dispatch } from 'react';
import { canSubmit, type FlowAction, type FlowState } from '../flow/flow-state';
import type { StayLeft } from '../flow/screen-timing';
import { lockDeadline, type ScreenName } from '../flow/select-screen';
import { languageFor, type LanguageTag } from '../i18n/i18n-context';
import { AttentionScreen } from './attention-screen';
import { AttractScreen } from './attract-screen';
import { CheckingScreen } from './checking-screen';
import { DispensingScreen } from './dispensing-screen';
import { EntryScreen } from './entry-screen';
import { FailedScreen } from './failed-screen';
import { LockedOutScreen } from './locked-out-screen';
import { OutOfServiceScreen } from './out-of-service-screen';
import { PartialScreen } from './partial-screen';
import { RefusalScreen } from './refusal-screen';
import { StartingScreen } from './starting-screen';
import { SuccessScreen } from './success-screen';

type ScreenRouterProps = {
  readonly screen: ScreenName;
  readonly state: FlowState;
  readonly now: number;
  readonly dispatch: Dispatch<FlowAction>;
  readonly onSubmit: () => void;
  /** What is left of an outcome screen's stay. */
  readonly stay: StayLeft | null;
};

/** Maps the selected screen name to its component; each screen gets only the data it shows. */
export const ScreenRouter = ({ screen, state, now, dispatch, onSubmit, stay }: ScreenRouterProps) => {
  const { flow, kiosk } = state;
  const support = kiosk?.supportContact;
  const onDone = (): void => {
    dispatch({ type: 'done' });
  };
  const languages = kiosk?.languages ?? [];
  const language = languageFor(state.chosenLanguage ?? kiosk?.language);
  const onPickLanguage = (picked: LanguageTag): void => {
    dispatch({ type: 'language', language: picked });
  };
  if (flow.step === 'dispensing') return <DispensingScreen {...flow} />;
  if (flow.step === 'finished') {
    const { result } = flow;
    if (result.outcome === 'success')
      return <SuccessScreen result={result} supportContact={support} onDone={onDone} stay={stay} />;
    if (result.outcome === 'partial')
      return <PartialScreen result={result} supportContact={support} onDone={onDone} stay={stay} />;
    if (result.outcome === 'attention')
      return <AttentionScreen result={result} supportContact={support} onDone={onDone} stay={stay} />;
    return <FailedScreen result={result} supportContact={support} onDone={onDone} stay={stay} />;
  }
  if (flow.step === 'rejected') {
    return (
      <RefusalScreen
        error={flow.error}
        code={flow.code}
        supportContact={support}
        onDone={onDone}
        onEnterAgain={() => {
          dispatch({ type: 'enter-again' });
        }}
        stay={stay}
      />
    );
  }
  switch (screen) {
    case 'checking':
      return <CheckingScreen />;
    case 'out-of-service':
      return <OutOfServiceScreen />;
    case 'locked-out':
      return <LockedOutScreen deadline={lockDeadline(state) ?? now} now={now} />;
    case 'attract':
      return (
        <AttractScreen
          languages={languages}
          language={language}
          onPickLanguage={onPickLanguage}
          onWake={() => {
            dispatch({ type: 'wake' });
          }}
        />
      );
    case 'entry':
      return (
        <EntryScreen
          code={state.code}
          notice={state.notice}
          canSubmit={canSubmit(state)}
          demoCodes={kiosk?.mode === 'demo' ? kiosk.demoCodes : null}
          onCharacter={(key) => {
            dispatch({ type: 'key', key });
          }}
          onDelete={() => {
            dispatch({ type: 'delete' });
          }}
          onClear={() => {
            dispatch({ type: 'clear' });
          }}
          onSubmit={onSubmit}
          onPickDemoCode={(code) => {
            dispatch({ type: 'fill', code });
          }}
          languages={languages}
          language={language}
          onPickLanguage={onPickLanguage}
        />
      );
    default:
      return <StartingScreen step={kiosk?.startupStep} />;
  }
};
