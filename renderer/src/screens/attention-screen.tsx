import type { RedemptionResult } from '../../../electron/contract';
import { BigButton } from '../components/big-button';
import { ReferenceCard } from '../components/reference-card';
import { ScreenFrame } from '../components/screen-frame';
import { useStrings } from '../i18n/i18n-context';

type AttentionScreenProps = {
  readonly result: RedemptionResult;
  readonly supportContact: string | undefined;
  readonly onDone: () => void;
};

/**
 * The board could not tell whether an item fell. We say exactly that, never "success" or "failed", and
 * give the customer what support needs to settle it: their code, the reference and who to call.
 */
export const AttentionScreen = ({ result, supportContact, onDone }: AttentionScreenProps) => {
  const t = useStrings();
  return (
    <ScreenFrame
      name="attention"
      tone="warn"
      icon="alert"
      title={t.attentionTitle}
      actions={
        <BigButton tone="primary" onPress={onDone}>
          {t.done}
        </BigButton>
      }
    >
      <p className="screen__product">{result.productName}</p>
      <p className="screen__text">{t.attentionBody}</p>
      <p className="screen__text screen__text--strong">{t.attentionKeepCode}</p>
      <ReferenceCard reference={result.reference} supportContact={supportContact} />
    </ScreenFrame>
  );
};
