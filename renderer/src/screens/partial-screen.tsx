import type { RedemptionResult } from '../../../electron/contract';
import { BigButton } from '../components/big-button';
import { ClosesIn } from '../components/closes-in';
import { ReferenceCard } from '../components/reference-card';
import { OwedLine } from '../components/owed-line';
import { ScreenFrame } from '../components/screen-frame';
import type { StayLeft } from '../flow/screen-timing';
import { useStrings } from '../i18n/i18n-context';
import { fill } from '../i18n/strings';

type PartialScreenProps = {
  readonly result: RedemptionResult;
  readonly supportContact: string | undefined;
  readonly onDone: () => void;
  /** How long the screen stays before it returns to the entry; null when it is not counting. */
  readonly stay: StayLeft | null;
};

/** Some units dropped, some did not: say how many, and how to get the rest. */
export const PartialScreen = ({ result, supportContact, onDone, stay }: PartialScreenProps) => {
  const t = useStrings();
  return (
    <ScreenFrame
      name="partial"
      tone="warn"
      icon="alert"
      title={t.partialTitle}
      actions={
        <>
          <ClosesIn stay={stay} />
          <BigButton tone="primary" onPress={onDone}>
            {t.done}
          </BigButton>
        </>
      }
    >
      <p className="screen__product">{result.productName}</p>
      <p className="screen__text">
        {fill(result.owed > 0 ? t.partialDroppedBody : t.partialBody, { n: result.dispensed, m: result.of })}
      </p>
      <OwedLine owed={result.owed} />
      <ReferenceCard reference={result.reference} supportContact={supportContact} />
    </ScreenFrame>
  );
};
