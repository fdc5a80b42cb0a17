import type { StartupStep } from '../../../electron/contract/schemas';
import { ScreenFrame } from '../components/screen-frame';
import { useStrings } from '../i18n/i18n-context';

/**
 * Shown from the window's first paint until the kiosk is ready: the general line, and what the machine is busy
 * with (reading its settings, waiting for the dispenser, finishing an interrupted pickup, loading codes).
 */
export const StartingScreen = ({ step }: { readonly step: StartupStep | undefined }) => {
  const t = useStrings();
  return (
    <ScreenFrame name="starting" tone="neutral" icon="spinner" title={t.startingTitle}>
      <p className="screen__text">{t.startingBody}</p>
      <p className="screen__text" role="status" data-step={step ?? 'waiting'}>
        {step === undefined ? '' : t.startingSteps[step]}
      </p>
    </ScreenFrame>
  );
};
