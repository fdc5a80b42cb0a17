import { useStrings } from '../i18n/i18n-context';

/** Always on top in demo mode, on every screen, so nobody mistakes the demo for a working machine. */
export const DemoBanner = () => {
  const t = useStrings();
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      {t.demoBanner}
    </div>
  );
};
