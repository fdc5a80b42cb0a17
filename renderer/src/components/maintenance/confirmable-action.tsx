import { useStrings } from '../../i18n/i18n-context';
import { BigButton } from '../big-button';

type ConfirmableActionProps = {
  /** What the list item is called, for the dialog and the button's accessible name. */
  readonly name: string;
  /** The button's text, e.g. "Unlock". */
  readonly action: string;
  /** Shown while waiting for "yes", e.g. "Unlock board 1 slot 2?". */
  readonly question: string;
  /** The "yes" button, e.g. "Yes, unlock". */
  readonly yes: string;
  /** This item's question is the one on screen. */
  readonly asking: boolean;
  readonly busy: boolean;
  readonly onAsk: () => void;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
};

/** An operator action that asks once more before it acts: the button, or in its place the question. */
export const ConfirmableAction = (props: ConfirmableActionProps) => {
  const t = useStrings();
  const { name, action, question, yes, asking, busy, onAsk, onCancel, onConfirm } = props;
  return asking ? (
    <div className="maintenance-confirm" role="alertdialog" aria-label={name}>
      <p className="maintenance-confirm__question">{question}</p>
      <div className="maintenance-confirm__buttons">
        <BigButton tone="primary" onPress={onConfirm} disabled={busy}>
          {yes}
        </BigButton>
        <BigButton tone="secondary" onPress={onCancel}>
          {t.maintCancel}
        </BigButton>
      </div>
    </div>
  ) : (
    <BigButton tone="secondary" label={`${action}: ${name}`} disabled={busy} onPress={onAsk}>
      {action}
    </BigButton>
  );
};
