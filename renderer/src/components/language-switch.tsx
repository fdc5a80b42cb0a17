import { languageFor, stringTables, type LanguageTag } from '../i18n/i18n-context';
import { useStrings } from '../i18n/i18n-context';

type LanguageSwitchProps = {
  /** The kiosk's offered languages, in order; fewer than two draws nothing. */
  readonly offered: readonly string[];
  readonly current: LanguageTag;
  readonly onPick: (language: LanguageTag) => void;
};

/** The offered tags the screens have a table for, once each, in the kiosk's order. */
const usable = (offered: readonly string[]): LanguageTag[] => [...new Set(offered.map(languageFor))];

/**
 * One button per language, each labelled in its own language and script ("English", "简体中文"), so a customer who
 * cannot read the current one still finds theirs. The current one is pressed; picking it again changes nothing.
 */
export const LanguageSwitch = ({ offered, current, onPick }: LanguageSwitchProps) => {
  const t = useStrings();
  const languages = usable(offered);
  if (languages.length < 2) return null;
  return (
    <div className="language-switch" role="group" aria-label={t.languageSwitch}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={language === current}
          onClick={(event) => {
            // On the attract screen the switch sits inside the wake area: this tap picks, and that is all it does.
            event.stopPropagation();
            onPick(language);
          }}
        >
          {stringTables[language].languageName}
        </button>
      ))}
    </div>
  );
};
