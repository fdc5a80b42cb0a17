import type { RedemptionResult } from '../../../electron/contract';
import { ItemCard } from '../components/item-card';
import { OutcomeActions } from '../components/outcome-actions';
import { OwedLine } from '../components/owed-line';
import { ReferenceCard } from '../components/reference-card';
import { ScreenFrame } from '../components/screen-frame';
import type { StayLeft } from '../flow/screen-timing';
import { useStrings } from '../i18n/i18n-context';
import { fill } from '../i18n/strings';

type SuccessScreenProps = {
  readonly result: RedemptionResult;
  readonly supportContact: string | undefined;
  readonly onDone: () => void;
  /** How long the screen stays before it returns to the entry; null when it is not counting. */
  readonly stay: StayLeft | null;
};

/**
 * Everything this pickup was for dropped. A make-up the slot could cover only in part is a success too, with items
 * still owed: then the screen says so and keeps the reference, as any other screen a person may need to help with.
 */
export const SuccessScreen = ({ result, supportContact, onDone, stay }: SuccessScreenProps) => {
  const t = useStrings();
  const n = result.dispensed;
  const product = result.productName;
  return (
    <ScreenFrame
      name="success"
      tone="good"
      icon="check"
      title={n > 1 ? fill(t.successTitleMany, { n }) : t.successTitle}
      actions={<OutcomeActions stay={stay} onDone={onDone} />}
    >
      <ItemCard productName={null} productPhoto={result.productPhoto} slotName={result.slotName} />
      <p className="outcome__next">
        {n > 1 ? fill(t.successBodyMany, { n, product }) : fill(t.successBody, { product })}
      </p>
      <OwedLine owed={result.owed} />
      {result.owed > 0 ? (
        <ReferenceCard reference={result.reference} supportContact={supportContact} />
      ) : null}
    </ScreenFrame>
  );
};
