import { MIN_PIN_LENGTH } from '../../flow/maintenance-state';
import { useStrings } from '../../i18n/i18n-context';

/** One dot per digit typed, never the digits: the PIN must not be readable over the operator's shoulder. */
export const PinDots = ({ length }: { readonly length: number }) => {
  const t = useStrings();
  const cells = Math.max(MIN_PIN_LENGTH, length);
  return (
    <div className="pin-dots" role="status" aria-label={t.maintPinLabel} data-length={length}>
      {Array.from({ length: cells }, (_, index) => (
        <span key={index} className={`pin-dots__cell${index < length ? ' pin-dots__cell--filled' : ''}`} />
      ))}
    </div>
  );
};
