import { useId } from 'react';

type SubmitKeyProps = {
  readonly label: string;
  readonly disabled: boolean;
  /** Why it is disabled ("2 more digits"): shown under the label while it is, null when there is nothing to say. */
  readonly note: string | null;
  readonly onPress: () => void;
};

/**
 * The keypad's submit: a big button like the others, but a disabled one says what it is waiting for. The label
 * alone names it and the note describes it, so the name stays "Get my item" for touch, tests and screen readers
 * alike while a screen reader still hears the reason.
 */
export const SubmitKey = ({ label, disabled, note, onPress }: SubmitKeyProps) => {
  const labelId = useId();
  const noteId = useId();
  const shownNote = disabled ? note : null;
  return (
    <button
      type="button"
      className="big-button big-button--primary keypad__submit"
      onClick={onPress}
      disabled={disabled}
      aria-labelledby={labelId}
      aria-describedby={shownNote === null ? undefined : noteId}
    >
      <span id={labelId} className="keypad__submit-label">
        {label}
      </span>
      {shownNote === null ? null : (
        <span id={noteId} className="keypad__submit-note" data-testid="submit-note">
          {shownNote}
        </span>
      )}
    </button>
  );
};
