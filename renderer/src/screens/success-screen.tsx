import type { RedemptionResult } from '../../../electron/contract';
import { BigButton } from '../components/big-button';
import { ScreenFrame } from '../components/screen-frame';
import { useStrings } from '../i18n/i18n-context';
import { fill } from '../i18n/strings';

type SuccessScreenProps = {
  readonly result: RedemptionResult;
  readonly onDone: () => void;
};

export const SuccessScreen = ({ result, onDone }: SuccessScreenProps) => {
  const t = useStrings();
  return (
    <ScreenFrame
      name="success"
      tone="good"
      icon="check"
      title={t.successTitle}
      actions={
        <BigButton tone="primary" onPress={onDone}>
          {t.done}
        </BigButton>
      }
    >
      <p className="screen__text">{fill(t.successBody, { product: result.productName })}</p>
      {result.of > 1 ? (
        <p className="screen__count">{fill(t.successCount, { n: result.dispensed, m: result.of })}</p>
      ) : null}
    </ScreenFrame>
  );
};
