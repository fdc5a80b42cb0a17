import { ScreenFrame } from '../components/screen-frame';
import { SLOW_NETWORK_MS } from '../flow/screen-timing';
import { useAfter } from '../hooks/use-after';
import { useStrings } from '../i18n/i18n-context';

/**
 * Waiting for the code's answer. The screen leaves on the first answer or dispense progress, so time on it is
 * time without either; past a few seconds it says the network is slow, in the same calm voice as the hint.
 */
export const CheckingScreen = () => {
  const t = useStrings();
  const slow = useAfter(SLOW_NETWORK_MS);
  return (
    <ScreenFrame name="checking" tone="neutral" icon="spinner" title={t.checkingTitle}>
      <p className="screen__text" role="status">
        {t.checkingHint}
      </p>
      {/* The live region is there from the start, so the line is announced when it appears. */}
      <p className="screen__text" role="status" data-testid="checking-slow">
        {slow ? t.checkingSlow : null}
      </p>
    </ScreenFrame>
  );
};
