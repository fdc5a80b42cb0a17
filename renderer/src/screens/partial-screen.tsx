import type { RedemptionResult } from '../../../electron/contract';
import { ItemCard } from '../components/item-card';
import { OutcomeActions } from '../components/outcome-actions';
import { OwedLine } from '../components/owed-line';
import { ReferenceCard } from '../components/reference-card';
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

/** Some units dropped, some did not: say how many in the headline, and how to get the rest. */
export const PartialScreen = ({ result, supportContact, onDone, stay }: PartialScreenProps) => {
  const t = useStrings();
  const n = result.dispensed;
  return (
    <ScreenFrame
      name="partial"
      tone="warn"
      icon="alert"
      title={fill(t.partialTitle, { n, m: result.of })}
      actions={<OutcomeActions stay={stay} onDone={onDone} />}
    >
      <ItemCard
        productName={result.productName}
        productPhoto={result.productPhoto}
        slotName={result.slotName}
      />
      <p className="outcome__happened">{n === 1 ? t.partialBodyOne : fill(t.partialBodyMany, { n })}</p>
      {/* Owed items come with the same code again; only what is not owed needs a person. */}
      {result.owed > 0 ? <OwedLine owed={result.owed} /> : <p className="outcome__next">{t.supportNext}</p>}
      <ReferenceCard reference={result.reference} supportContact={supportContact} />
    </ScreenFrame>
  );
};
