import { ItemCard } from '../components/item-card';
import { ScreenFrame } from '../components/screen-frame';
import { UnitProgress } from '../components/unit-progress';
import type { UnitOutcome } from '../flow/flow-state';
import { useStrings } from '../i18n/i18n-context';
import { fill } from '../i18n/strings';

type DispensingScreenProps = {
  readonly unit: number;
  readonly of: number;
  readonly outcomes: readonly UnitOutcome[];
  readonly productName: string | null;
  readonly productPhoto?: string;
  readonly slotName?: string;
};

export const DispensingScreen = ({
  unit,
  of,
  outcomes,
  productName,
  productPhoto,
  slotName,
}: DispensingScreenProps) => {
  const t = useStrings();
  return (
    <ScreenFrame name="dispensing" tone="neutral" icon="spinner" title={t.dispensingTitle}>
      <ItemCard productName={productName} productPhoto={productPhoto} slotName={slotName} />
      <p className="screen__count" role="status" aria-live="polite">
        {fill(t.dispensingUnit, { n: unit, m: of })}
      </p>
      <UnitProgress unit={unit} of={of} outcomes={outcomes} />
      <p className="screen__text">{t.dispensingHint}</p>
    </ScreenFrame>
  );
};
