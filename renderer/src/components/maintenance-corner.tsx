import { useLongPress } from '../hooks/use-long-press';

/** How long the operator holds the top-left corner: far longer than any customer rests a finger there. */
export const MAINTENANCE_HOLD_MS = 5000;

/**
 * The hidden way into maintenance: an invisible square in the top-left corner that opens the PIN pad after
 * a five-second press. It needs no keyboard, and it shows nothing a customer would try.
 */
export const MaintenanceCorner = ({ onHold }: { readonly onHold: () => void }) => {
  const handlers = useLongPress(MAINTENANCE_HOLD_MS, onHold);
  return (
    <div className="maintenance-corner" data-testid="maintenance-corner" aria-hidden="true" {...handlers} />
  );
};
