import { useId } from 'react';

type SubmitKeyProps = {
  readonly label: string;
  readonly disabled: boolean;
  /** Why it is disabled ("2 more digits"): shown under the label while it is, null when there is nothing to say. */
  readonly note: string | null;
  readonly onPress: () => void;
};

/**
 * The keypad's submit: a big button like the others, but a disabled one says what it is waiting for. The note sits
 * over the button's lower edge without being part of it, so the button's name is exactly its visible label
 * ("Get my item", which axe's label-content-name-mismatch asks for) while the note is its description, read out
 * after the name. The note lets touches through, so the whole button stays one target.
 */
export const SubmitKey = ({ label, disabled, note, onPress }: SubmitKeyProps) => {
  const noteId = useId();
  const shownNote = disabled ? note : null;
  return (
    <div className="keypad__submit-slot">
      <button
        type="button"
        className={`big-button big-button--primary keypad__submit${shownNote === null ? '' : ' keypad__submit--noted'}`}
        onClick={onPress}
        disabled={disabled}
        aria-describedby={shownNote === null ? undefined : noteId}
      >
        <span className="keypad__submit-label">{label}</span>
      </button>
      {shownNote === null ? null : (
        <span id={noteId} className="keypad__submit-note" data-testid="submit-note">
          {shownNote}
        </span>
      )}
    </div>
  );
};
