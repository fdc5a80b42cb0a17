import { useStrings } from '../i18n/i18n-context';
import { BigButton } from './big-button';
import { SubmitKey } from './submit-key';

type KeypadProps = {
  readonly canSubmit: boolean;
  readonly onDigit: (digit: string) => void;
  readonly onDelete: () => void;
  readonly onClear: () => void;
  readonly onSubmit: () => void;
  /** The maintenance PIN pad names itself and its submit key differently; the customer keypad uses the defaults. */
  readonly label?: string;
  readonly submitLabel?: string;
  /** What a disabled submit is waiting for ("2 more digits"), said on the key itself. */
  readonly submitNote?: string | null;
};

const digitRows = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
] as const;

/** Phone layout (1 at the top left): the order most people's thumbs already know. */
export const Keypad = ({
  canSubmit,
  onDigit,
  onDelete,
  onClear,
  onSubmit,
  label,
  submitLabel,
  submitNote = null,
}: KeypadProps) => {
  const t = useStrings();
  const digit = (d: string) => (
    <BigButton
      key={d}
      tone="key"
      onPress={() => {
        onDigit(d);
      }}
    >
      {d}
    </BigButton>
  );
  return (
    <div className="keypad" role="group" aria-label={label ?? t.codeLabel}>
      <div className="keypad__grid">
        {digitRows.flat().map(digit)}
        <BigButton tone="secondary" onPress={onClear} className="keypad__clear">
          {t.keyClear}
        </BigButton>
        {digit('0')}
        <BigButton tone="secondary" onPress={onDelete} label={t.keyDelete} className="keypad__delete">
          <span aria-hidden="true">⌫ </span>
          {t.keyDelete}
        </BigButton>
      </div>
      <SubmitKey
        label={submitLabel ?? t.keySubmit}
        disabled={!canSubmit}
        note={submitNote}
        onPress={onSubmit}
      />
    </div>
  );
};
