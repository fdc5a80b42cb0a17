export type IconKind = 'check' | 'cross' | 'alert' | 'clock' | 'spinner' | 'pause' | 'question' | 'offline';

/** Inline SVG so the icons need no font, no network and no inline style (the CSP allows neither). */
const paths: Readonly<Record<IconKind, readonly string[]>> = {
  check: ['M19 33 L28 42 L45 22'],
  cross: ['M18 18 L46 46', 'M46 18 L18 46'],
  alert: ['M32 14 L32 38', 'M32 48 L32 50'],
  clock: ['M32 16 L32 32 L44 40'],
  spinner: ['M32 4 A28 28 0 0 1 60 32'],
  pause: ['M25 20 L25 44', 'M39 20 L39 44'],
  question: ['M24 25 A8 8 0 1 1 36 31 Q32 34 32 39', 'M32 47 L32 49'],
  // A signal fan struck through: no network.
  offline: ['M18 31 A20 20 0 0 1 46 31', 'M24 38 A11 11 0 0 1 40 38', 'M32 45 L32 46', 'M20 19 L44 47'],
};

export const StatusIcon = ({ kind }: { readonly kind: IconKind }) => (
  <svg
    className={`status-icon status-icon--${kind}`}
    viewBox="0 0 64 64"
    aria-hidden="true"
    focusable="false"
  >
    <circle cx="32" cy="32" r="28" className="status-icon__ring" />
    {paths[kind].map((d) => (
      <path key={d} d={d} className="status-icon__mark" />
    ))}
  </svg>
);
