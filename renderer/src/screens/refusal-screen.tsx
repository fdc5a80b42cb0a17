import type { IpcError } from '../../../electron/contract';
import { EnteredCode } from '../components/entered-code';
import { OutcomeActions } from '../components/outcome-actions';
import { ReferenceCard } from '../components/reference-card';
import type { ScreenTone } from '../components/screen-frame';
import { ScreenFrame } from '../components/screen-frame';
import type { IconKind } from '../components/status-icon';
import { customerRefusal, refusalNext, type CustomerRefusal } from '../flow/refusal-plan';
import type { StayLeft } from '../flow/screen-timing';
import { useStrings } from '../i18n/i18n-context';
import { countSentence } from '../i18n/strings';

type RefusalScreenProps = {
  readonly error: IpcError;
  /** The code as sent, where the refusal kept it for editing; null otherwise. */
  readonly code: string | null;
  readonly supportContact: string | undefined;
  readonly onDone: () => void;
  readonly onEnterAgain: () => void;
  /** How long the screen stays before it returns to the entry; null when it is not counting. */
  readonly stay: StayLeft | null;
};

type Look = { readonly tone: ScreenTone; readonly icon: IconKind };

/** Red only where the code itself is spent or the machine cannot serve it; amber where the customer can act. */
const looks: Readonly<Record<CustomerRefusal, Look>> = {
  'invalid-input': { tone: 'warn', icon: 'question' },
  'bad-format': { tone: 'warn', icon: 'question' },
  busy: { tone: 'neutral', icon: 'clock' },
  'unknown-code': { tone: 'warn', icon: 'question' },
  'code-checking': { tone: 'neutral', icon: 'clock' },
  'code-used': { tone: 'bad', icon: 'cross' },
  'code-expired': { tone: 'bad', icon: 'clock' },
  'cloud-unreachable': { tone: 'warn', icon: 'offline' },
  'out-of-service': { tone: 'bad', icon: 'pause' },
  'out-of-stock': { tone: 'warn', icon: 'alert' },
  internal: { tone: 'bad', icon: 'alert' },
};

/**
 * A code refused before anything dropped: a headline of its own, what happened, and the next step. Only where
 * typing again can help is "Enter code again" offered; where it cannot, "Done" and who to call.
 */
export const RefusalScreen = ({
  error,
  code,
  supportContact,
  onDone,
  onEnterAgain,
  stay,
}: RefusalScreenProps) => {
  const t = useStrings();
  const refusal = customerRefusal(error.code);
  const copy = t.refusals[refusal];
  const look = looks[refusal];
  const next = refusalNext(error.code);
  return (
    <ScreenFrame
      // Refusals share the "failed" screen name: timing, scanning and the e2e test know the screen by it.
      name="failed"
      tone={look.tone}
      icon={look.icon}
      title={copy.title}
      actions={
        <OutcomeActions
          stay={stay}
          onDone={onDone}
          enterAgain={next === 'done' ? undefined : { onPress: onEnterAgain, alsoDone: next === 'edit' }}
        />
      }
    >
      <p className="outcome__happened" role="alert" data-error-code={error.code} data-next={next}>
        {copy.body}
      </p>
      {code === null || code === '' ? null : <EnteredCode code={code} />}
      <p className="outcome__next">{copy.next}</p>
      {error.triesLeft === undefined ? null : (
        <p className="outcome__tries" data-tries-left={error.triesLeft}>
          {countSentence(error.triesLeft, t.triesLeftOne, t.triesLeftMany)}
        </p>
      )}
      {next === 'done' ? <ReferenceCard reference={null} supportContact={supportContact} /> : null}
    </ScreenFrame>
  );
};
