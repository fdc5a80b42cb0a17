import { ScreenFrame } from '../components/screen-frame';
import { useStrings } from '../i18n/i18n-context';

export const CheckingScreen = () => {
  const t = useStrings();
  return (
    <ScreenFrame name="checking" tone="neutral" icon="spinner" title={t.checkingTitle}>
      <p className="screen__text" role="status">
        {t.checkingHint}
      </p>
    </ScreenFrame>
  );
};
