import type { StayLeft } from '../flow/screen-timing';
import { useStrings } from '../i18n/i18n-context';
import { countSentence } from '../i18n/strings';

/** How long an outcome screen stays: a thin draining bar, and the seconds in words for whoever reads them. */
export const ClosesIn = ({ stay }: { readonly stay: StayLeft | null }) => {
  const t = useStrings();
  if (stay === null) return null;
  return (
    <div className="closes-in" data-testid="closes-in" data-seconds={stay.secondsLeft}>
      {/* The sentence says the same; a progress bar re-announced every second would only be noise. */}
      <progress
        className="closes-in__bar"
        max={stay.totalSeconds}
        value={stay.secondsLeft}
        aria-hidden="true"
      />
      <p className="closes-in__text" role="timer">
        {countSentence(stay.secondsLeft, t.closesInOne, t.closesInMany)}
      </p>
    </div>
  );
};
