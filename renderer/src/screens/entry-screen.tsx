import { CodeDisplay } from '../components/code-display';
import { DemoCodes } from '../components/demo-codes';
import { Keypad } from '../components/keypad';
import { LanguageSwitch } from '../components/language-switch';
import { EXPECTED_CODE_LENGTH, missingDigits } from '../flow/code-length';
import { useStrings, type LanguageTag } from '../i18n/i18n-context';
import { countSentence, fill } from '../i18n/strings';

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
  /** The switch: the kiosk's offered languages, the one on screen, and the pick (which keeps the typed code). */
  readonly languages: readonly string[];
  readonly language: LanguageTag;
  readonly onPickLanguage: (language: LanguageTag) => void;
};

/**
 * Reading at the top, touching at the bottom: everything a finger needs (demo codes, the boxes, the keypad) is one
 * block anchored to the bottom of a portrait screen, within reach of someone seated or short (see entry.css).
 */
export const EntryScreen = (props: EntryScreenProps) => {
  const t = useStrings();
  const missing = missingDigits(props.code.length);
  return (
    <section className="screen screen--code-entry" data-screen="entry" aria-labelledby="entry-title">
      <div className="entry__intro">
        <h1 id="entry-title" className="screen__title">
          {t.entryTitle}
        </h1>
        <p className="screen__hint">{fill(t.entryHint, { n: EXPECTED_CODE_LENGTH })}</p>
        {props.notice === 'scan-unreadable' ? (
          <p className="entry__notice" role="alert" data-notice="scan-unreadable">
            {t.scanUnreadable}
          </p>
        ) : null}
      </div>
      <div className="entry__code">
        <LanguageSwitch offered={props.languages} current={props.language} onPick={props.onPickLanguage} />
        {props.demoCodes === null ? null : (
          <DemoCodes codes={props.demoCodes} onPick={props.onPickDemoCode} />
        )}
        <CodeDisplay code={props.code} expectedLength={EXPECTED_CODE_LENGTH} />
      </div>
      <Keypad
        canSubmit={props.canSubmit}
        submitNote={missing > 0 ? countSentence(missing, t.submitMissingOne, t.submitMissingMany) : null}
        onDigit={props.onCharacter}
        onDelete={props.onDelete}
        onClear={props.onClear}
        onSubmit={props.onSubmit}
      />
    </section>
  );
};
