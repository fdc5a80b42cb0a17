import type { RedemptionResult } from '../../../electron/contract';
import { BigButton } from '../components/big-button';
import { ClosesIn } from '../components/closes-in';
import { ReferenceCard } from '../components/reference-card';
import { ScreenFrame } from '../components/screen-frame';
import type { StayLeft } from '../flow/screen-timing';
import { useStrings } from '../i18n/i18n-context';

type AttentionScreenProps = {
  readonly result: RedemptionResult;
  readonly supportContact: string | undefined;
  readonly onDone: () => void;
  /** How long the screen stays before it returns to the entry; null when it is not counting. */
  readonly stay: StayLeft | null;
};

/**
 * The board could not tell whether an item fell. We say exactly that, never "success" or "failed", and
 * give the customer what support needs to settle it: their code, the reference and who to call.
 */
export const AttentionScreen = ({ result, supportContact, onDone, stay }: AttentionScreenProps) => {
  const t = useStrings();
  return (
    <ScreenFrame
      name="attention"
      tone="warn"
      icon="alert"
      title={t.attentionTitle}
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
      <p className="screen__text">{t.attentionBody}</p>
      <p className="screen__text screen__text--strong">{t.attentionKeepCode}</p>
      <ReferenceCard reference={result.reference} supportContact={supportContact} />
    </ScreenFrame>
  );
};
