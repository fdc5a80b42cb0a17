import { ScreenFrame } from '../components/screen-frame';
import { formatCountdown, secondsLeft } from '../flow/select-screen';
import { useStrings } from '../i18n/i18n-context';

type LockedOutScreenProps = {
  readonly deadline: number;
  readonly now: number;
};

/** Entry is paused after too many wrong codes; the countdown tells the customer exactly how long. */
export const LockedOutScreen = ({ deadline, now }: LockedOutScreenProps) => {
  const t = useStrings();
  const seconds = secondsLeft(deadline, now);
  return (
    <ScreenFrame name="locked-out" tone="warn" icon="clock" title={t.lockedTitle}>
      <p className="screen__text">{t.lockedBody}</p>
      <p className="countdown">
        <span className="countdown__label">{t.lockedCountdownLabel}</span>
        <span className="countdown__value" role="timer" aria-live="off" data-seconds={seconds}>
          {formatCountdown(seconds)}
        </span>
      </p>
    </ScreenFrame>
  );
};
