import type { IpcError, RedemptionResult } from '../../../electron/contract';
import { BigButton } from '../components/big-button';
import { ClosesIn } from '../components/closes-in';
import { ReferenceCard } from '../components/reference-card';
import { OwedLine } from '../components/owed-line';
import { ScreenFrame } from '../components/screen-frame';
import type { StayLeft } from '../flow/screen-timing';
import { useStrings } from '../i18n/i18n-context';

/** Refused before anything happened (an error code), or accepted but nothing dropped (a dispense result). */
export type Failure =
  | { readonly kind: 'refused'; readonly error: IpcError }
  | { readonly kind: 'not-dispensed'; readonly result: RedemptionResult };

type FailedScreenProps = {
  readonly failure: Failure;
  readonly supportContact: string | undefined;
  readonly onDone: () => void;
  /** How long the screen stays before it returns to the entry; null when it is not counting. */
  readonly stay: StayLeft | null;
};

export const FailedScreen = ({ failure, supportContact, onDone, stay }: FailedScreenProps) => {
  const t = useStrings();
  const refused = failure.kind === 'refused';
  return (
    <ScreenFrame
      name="failed"
      tone="bad"
      icon="cross"
      title={t.failedTitle}
      actions={
        <>
          <ClosesIn stay={stay} />
          <BigButton tone="primary" onPress={onDone}>
            {refused ? t.tryAgain : t.done}
          </BigButton>
        </>
      }
    >
      {refused ? (
        <p className="screen__text" role="alert" data-error-code={failure.error.code}>
          {t.errors[failure.error.code]}
        </p>
      ) : (
        <>
          <p className="screen__product">{failure.result.productName}</p>
          <p className="screen__text" role="alert">
            {t.failedDispenseBody}
          </p>
          <OwedLine owed={failure.result.owed} />
          <ReferenceCard reference={failure.result.reference} supportContact={supportContact} />
        </>
      )}
    </ScreenFrame>
  );
};
