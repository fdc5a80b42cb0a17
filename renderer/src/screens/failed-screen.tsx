import type { RedemptionResult } from '../../../electron/contract';
import { OutcomeActions } from '../components/outcome-actions';
import { OwedLine } from '../components/owed-line';
import { ReferenceCard } from '../components/reference-card';
import { ScreenFrame } from '../components/screen-frame';
import type { StayLeft } from '../flow/screen-timing';
import { useStrings } from '../i18n/i18n-context';
import { fill } from '../i18n/strings';

type FailedScreenProps = {
  readonly result: RedemptionResult;
  readonly supportContact: string | undefined;
  readonly onDone: () => void;
  /** How long the screen stays before it returns to the entry; null when it is not counting. */
  readonly stay: StayLeft | null;
};

/** The code was accepted but nothing dropped (a refused code has its own screen: refusal-screen.tsx). */
export const FailedScreen = ({ result, supportContact, onDone, stay }: FailedScreenProps) => {
  const t = useStrings();
  return (
    <ScreenFrame
      name="failed"
      tone="bad"
      icon="cross"
      title={t.failedTitle}
      actions={<OutcomeActions stay={stay} onDone={onDone} />}
    >
      <p className="screen__product">{result.productName}</p>
      <p className="outcome__happened" role="alert">
        {result.of > 1 ? fill(t.failedBodyMany, { n: result.of }) : t.failedBodyOne}
      </p>
      {result.owed > 0 ? <OwedLine owed={result.owed} /> : <p className="outcome__next">{t.supportNext}</p>}
      <ReferenceCard reference={result.reference} supportContact={supportContact} />
    </ScreenFrame>
  );
};
