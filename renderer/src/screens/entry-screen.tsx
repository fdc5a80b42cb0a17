import { CodeDisplay } from '../components/code-display';
import { DemoCodes } from '../components/demo-codes';
import { Keypad } from '../components/keypad';
import { useStrings } from '../i18n/i18n-context';

type EntryScreenProps = {
  readonly code: string;
  /** A scan that could not be read: said here, nothing submitted, no try spent. */
  readonly notice?: 'scan-unreadable' | null;
  readonly canSubmit: boolean;
  /** Null outside demo mode. */
  readonly demoCodes: readonly string[] | null;
  readonly onCharacter: (key: string) => void;
  readonly onDelete: () => void;
  readonly onClear: () => void;
  readonly onSubmit: () => void;
  readonly onPickDemoCode: (code: string) => void;
};

export const EntryScreen = (props: EntryScreenProps) => {
  const t = useStrings();
  return (
    <section className="screen screen--entry" data-screen="entry" aria-labelledby="entry-title">
      <div className="entry__intro">
        <h1 id="entry-title" className="screen__title">
          {t.entryTitle}
        </h1>
        <p className="screen__hint">{t.entryHint}</p>
        {props.notice === 'scan-unreadable' ? (
          <p className="entry__notice" role="alert" data-notice="scan-unreadable">
            {t.scanUnreadable}
          </p>
        ) : null}
        <CodeDisplay code={props.code} />
        {props.demoCodes === null ? null : (
          <DemoCodes codes={props.demoCodes} onPick={props.onPickDemoCode} />
        )}
      </div>
      <Keypad
        canSubmit={props.canSubmit}
        onDigit={props.onCharacter}
        onDelete={props.onDelete}
        onClear={props.onClear}
        onSubmit={props.onSubmit}
      />
    </section>
  );
};
