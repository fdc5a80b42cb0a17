import { noteText } from '../../flow/operator-feedback';
import { resolveNotes, type ResolveNote } from '../../flow/operator-dialog';
import { useStrings } from '../../i18n/i18n-context';
import { BigButton } from '../big-button';

type ResolveAttentionProps = {
  /** The list item, for the button's accessible name. */
  readonly name: string;
  /** This item's question is the one on screen, with the answer picked so far. */
  readonly asking: boolean;
  readonly note: ResolveNote | null;
  readonly busy: boolean;
  readonly onAsk: () => void;
  readonly onPick: (note: ResolveNote) => void;
  readonly onCancel: () => void;
  readonly onConfirm: (note: string) => void;
};

/**
 * Resolving an attention item: the operator says what they found by tapping one of a few answers (the screen
 * has no keyboard; `kioskctl kiosk resolve --note` takes free text), then confirms. The answer is the note.
 */
export const ResolveAttention = (props: ResolveAttentionProps) => {
  const t = useStrings();
  const { name, asking, note, busy } = props;
  if (!asking)
    return (
      <BigButton tone="secondary" label={`${t.maintResolve}: ${name}`} disabled={busy} onPress={props.onAsk}>
        {t.maintResolve}
      </BigButton>
    );
  return (
    <div className="maintenance-confirm" role="alertdialog" aria-label={name}>
      <p className="maintenance-confirm__question">{t.maintResolveQuestion}</p>
      <div className="resolve-notes" role="radiogroup" aria-label={t.maintResolveQuestion}>
        {resolveNotes.map((key) => (
          <button
            key={key}
            type="button"
            role="radio"
            aria-checked={note === key}
            className={`big-button big-button--secondary resolve-notes__choice${note === key ? ' resolve-notes__choice--picked' : ''}`}
            onClick={() => {
              props.onPick(key);
            }}
          >
            {noteText(t, key)}
          </button>
        ))}
      </div>
      <div className="maintenance-confirm__buttons">
        <BigButton
          tone="primary"
          disabled={busy || note === null}
          onPress={() => {
            if (note !== null) props.onConfirm(noteText(t, note));
          }}
        >
          {t.maintConfirmResolveYes}
        </BigButton>
        <BigButton tone="secondary" onPress={props.onCancel}>
          {t.maintCancel}
        </BigButton>
      </div>
    </div>
  );
};
