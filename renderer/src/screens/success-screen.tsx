import type { RedemptionResult } from '../../../electron/contract';
import { BigButton } from '../components/big-button';
import { ClosesIn } from '../components/closes-in';
import { ScreenFrame } from '../components/screen-frame';
import type { StayLeft } from '../flow/screen-timing';
import { useStrings } from '../i18n/i18n-context';
import { fill } from '../i18n/strings';

type SuccessScreenProps = {
  readonly result: RedemptionResult;
  readonly onDone: () => void;
  /** How long the screen stays before it returns to the entry; null when it is not counting. */
  readonly stay: StayLeft | null;
};

export const SuccessScreen = ({ result, onDone, stay }: SuccessScreenProps) => {
  const t = useStrings();
  return (
    <ScreenFrame
      name="success"
      tone="good"
      icon="check"
      title={t.successTitle}
      actions={
        <>
          <ClosesIn stay={stay} />
          <BigButton tone="primary" onPress={onDone}>
            {t.done}
          </BigButton>
        </>
      }
    >
      <p className="screen__text">{fill(t.successBody, { product: result.productName })}</p>
      {result.of > 1 ? (
        <p className="screen__count">{fill(t.successCount, { n: result.dispensed, m: result.of })}</p>
      ) : null}
    </ScreenFrame>
  );
};
