import { useEffect, useRef } from 'react';
import { useStrings } from '../i18n/i18n-context';
import { countSentence } from '../i18n/strings';
import { BigButton } from './big-button';

type IdlePromptProps = {
  readonly secondsLeft: number;
  /** What goes when nobody answers: the half-typed code, or the outcome screen. */
  readonly forgets: 'code' | 'screen';
  readonly onStillHere: () => void;
};

/**
 * "Still there?" over the last seconds before an idle reset: a sheet in the lower half, where a hand reaches on a
 * portrait screen, with the seconds large enough to read from a step away and one big button to stay.
 */
export const IdlePrompt = ({ secondsLeft, forgets, onStillHere }: IdlePromptProps) => {
  const t = useStrings();
  const button = useRef<HTMLButtonElement>(null);
  // Focus moves into the dialog, as a modal's must, and back to where it was once the customer carries on.
  useEffect(() => {
    const before = document.activeElement;
    button.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  const sentence =
    forgets === 'code'
      ? countSentence(secondsLeft, t.idleClearsInOne, t.idleClearsInMany)
      : countSentence(secondsLeft, t.closesInOne, t.closesInMany);
  return (
    <div className="idle-prompt">
      <section
        className="idle-prompt__panel"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-prompt-title"
        aria-describedby="idle-prompt-countdown"
        data-testid="idle-prompt"
      >
        <h2 id="idle-prompt-title" className="idle-prompt__title">
          {t.idleTitle}
        </h2>
        <p className="idle-prompt__seconds" aria-hidden="true">
          {secondsLeft}
        </p>
        <p id="idle-prompt-countdown" className="idle-prompt__text" role="timer" data-seconds={secondsLeft}>
          {sentence}
        </p>
        <BigButton tone="primary" className="idle-prompt__button" ref={button} onPress={onStillHere}>
          {t.idleMoreTime}
        </BigButton>
      </section>
    </div>
  );
};
