import type { RedemptionResult } from '../../../electron/contract';
import { BigButton } from '../components/big-button';
import { ReferenceCard } from '../components/reference-card';
import { OwedLine } from '../components/owed-line';
import { ScreenFrame } from '../components/screen-frame';
import { useStrings } from '../i18n/i18n-context';
import { fill } from '../i18n/strings';

type PartialScreenProps = {
  readonly result: RedemptionResult;
  readonly supportContact: string | undefined;
  readonly onDone: () => void;
};

/** Some units dropped, some did not: say how many, and how to get the rest. */
export const PartialScreen = ({ result, supportContact, onDone }: PartialScreenProps) => {
  const t = useStrings();
  return (
    <ScreenFrame
      name="partial"
      tone="warn"
      icon="alert"
      title={t.partialTitle}
      actions={
        <BigButton tone="primary" onPress={onDone}>
          {t.done}
        </BigButton>
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
