import { useStrings } from '../i18n/i18n-context';

/** Always on top in demo mode, on every screen, so nobody mistakes the demo for a working machine. */
export const DemoBanner = () => {
  const t = useStrings();
  return (
    // A landmark of its own: it stands outside the screen's <main>, and nothing on a page may be outside all of them.
    <aside className="demo-banner" data-testid="demo-banner">
      {t.demoBanner}
    </aside>
  );
};
