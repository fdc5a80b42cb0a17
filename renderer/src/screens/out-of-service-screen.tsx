import { ScreenFrame } from '../components/screen-frame';
import { useStrings } from '../i18n/i18n-context';

export const OutOfServiceScreen = () => {
  const t = useStrings();
  return (
    <ScreenFrame name="out-of-service" tone="bad" icon="pause" title={t.outOfServiceTitle}>
      <p className="screen__text">{t.outOfServiceBody}</p>
    </ScreenFrame>
  );
};
