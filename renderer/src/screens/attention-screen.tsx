import type { RedemptionResult } from '../../../electron/contract';
import { ItemCard } from '../components/item-card';
import { OutcomeActions } from '../components/outcome-actions';
import { OwedLine } from '../components/owed-line';
import { ReferenceCard } from '../components/reference-card';
import { ScreenFrame } from '../components/screen-frame';
import type { StayLeft } from '../flow/screen-timing';
import { useStrings } from '../i18n/i18n-context';
import { fill } from '../i18n/strings';

type AttentionScreenProps = {
  readonly result: RedemptionResult;
  readonly supportContact: string | undefined;
  readonly onDone: () => void;
  /** How long the screen stays before it returns to the entry; null when it is not counting. */
  readonly stay: StayLeft | null;
};

/**
 * The board could not tell whether an item fell. We say exactly that, never "success" or "failed", say how many
 * of several certainly dropped, and give the customer what support needs to settle it: their code, the reference
 * and who to call.
 */
export const AttentionScreen = ({ result, supportContact, onDone, stay }: AttentionScreenProps) => {
  const t = useStrings();
  const many = result.of > 1;
  return (
    <ScreenFrame
      name="attention"
      tone="warn"
      icon="question"
      title={many ? t.attentionTitleMany : t.attentionTitle}
      actions={<OutcomeActions stay={stay} onDone={onDone} />}
    >
      <ItemCard
        productName={result.productName}
        productPhoto={result.productPhoto}
        slotName={result.slotName}
      />
      {many ? (
        <p className="outcome__happened" data-testid="attention-count">
          {fill(t.attentionCount, { n: result.dispensed, m: result.of })}
        </p>
      ) : null}
      <p className="outcome__next">{many ? t.attentionBodyMany : t.attentionBody}</p>
      <OwedLine owed={result.owed} />
      <p className="screen__text screen__text--strong">{t.attentionKeepCode}</p>
      <ReferenceCard reference={result.reference} supportContact={supportContact} />
    </ScreenFrame>
  );
};
