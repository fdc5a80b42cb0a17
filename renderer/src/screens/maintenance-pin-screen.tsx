import type { IpcError } from '../../../electron/contract';
import { BigButton } from '../components/big-button';
import { Keypad } from '../components/keypad';
import { PinDots } from '../components/maintenance/pin-dots';
import { minutesUp } from '../flow/format-maintenance';
import { useStrings } from '../i18n/i18n-context';
import { fill, type Strings } from '../i18n/strings';

type MaintenancePinScreenProps = {
  readonly pinLength: number;
  readonly pending: boolean;
  readonly canSubmit: boolean;
  readonly error: IpcError | null;
  readonly onDigit: (digit: string) => void;
  readonly onDelete: () => void;
  readonly onClear: () => void;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
};

const errorText = (t: Strings, error: IpcError): string => {
  if (error.code === 'locked-out')
    return fill(t.maintPinLocked, { minutes: minutesUp(error.retryAfterSeconds ?? 60) });
  // On this screen `forbidden` can only mean the session ended while the operator was away from it.
  if (error.code === 'forbidden') return t.maintSessionEnded;
  return t.errors[error.code];
};

/** The PIN pad: digits shown as dots, a way back for whoever opened it by mistake. */
export const MaintenancePinScreen = (props: MaintenancePinScreenProps) => {
  const t = useStrings();
  const { error } = props;
  return (
    <section
      className="screen screen--entry screen--maintenance-pin"
      data-screen="maintenance-pin"
      aria-labelledby="maintenance-pin-title"
    >
      <div className="entry__intro">
        <h1 id="maintenance-pin-title" className="screen__title">
          {t.maintTitle}
        </h1>
        <p className="screen__hint">{t.maintPinHint}</p>
        <PinDots length={props.pinLength} />
        {error === null ? null : (
          <p className="maintenance__error" role="alert" data-error-code={error.code}>
            {errorText(t, error)}
          </p>
        )}
        <BigButton tone="secondary" onPress={props.onCancel}>
          {t.maintCancel}
        </BigButton>
      </div>
      <Keypad
        label={t.maintPinLabel}
        submitLabel={props.pending ? t.maintWorking : t.maintPinOpen}
        canSubmit={props.canSubmit}
        onDigit={props.onDigit}
        onDelete={props.onDelete}
        onClear={props.onClear}
        onSubmit={props.onSubmit}
      />
    </section>
  );
};
