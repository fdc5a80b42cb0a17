import { ScreenFrame } from '../components/screen-frame';
import { useStrings } from '../i18n/i18n-context';

/** Shown until the first state arrives and while main resolves redemptions interrupted by a restart. */
export const StartingScreen = () => {
  const t = useStrings();
  return (
    <ScreenFrame name="starting" tone="neutral" icon="spinner" title={t.startingTitle}>
      <p className="screen__text" role="status">
        {t.startingBody}
      </p>
    </ScreenFrame>
  );
};
