import type { StayLeft } from '../flow/screen-timing';
import { useStrings } from '../i18n/i18n-context';
import { BigButton } from './big-button';
import { ClosesIn } from './closes-in';

type OutcomeActionsProps = {
  /** How long the screen stays before it returns to the entry; null when it is not counting. */
  readonly stay: StayLeft | null;
  readonly onDone: () => void;
  /**
   * "Enter code again", only where retyping can help. With `alsoDone` the screen keeps "Done" beside it: the
   * kept code stays in the boxes, and a customer who gives up can take it off the screen.
   */
  readonly enterAgain?: { readonly onPress: () => void; readonly alsoDone: boolean } | undefined;
};

/** The foot of every outcome screen: how long it stays, and the next step as one big button (or two). */
export const OutcomeActions = ({ stay, onDone, enterAgain }: OutcomeActionsProps) => {
  const t = useStrings();
  return (
    <>
      <ClosesIn stay={stay} />
      {enterAgain === undefined ? null : (
        <BigButton tone="primary" onPress={enterAgain.onPress}>
          {t.enterAgain}
        </BigButton>
      )}
      {enterAgain === undefined || enterAgain.alsoDone ? (
        <BigButton tone={enterAgain === undefined ? 'primary' : 'secondary'} onPress={onDone}>
          {t.done}
        </BigButton>
      ) : null}
    </>
  );
};
