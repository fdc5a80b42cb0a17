import { useEffect, useState } from 'react';
import { LanguageSwitch } from '../components/language-switch';
import { useStrings, type LanguageTag } from '../i18n/i18n-context';

/** Each "how to collect" step stays this long: two slow readings of the longest step in either language. */
export const ATTRACT_STEP_MS = 5000;

type AttractScreenProps = {
  readonly languages: readonly string[];
  readonly language: LanguageTag;
  readonly onWake: () => void;
  readonly onPickLanguage: (language: LanguageTag) => void;
};

/**
 * What a quiet kiosk shows: how to collect, in three steps, one lit at a time. A tap anywhere shows the entry. It
 * wakes on the click, after the finger has lifted, not on the touch: woken on the touch, the keypad would appear
 * under the finger and the lifting finger's click would press a key.
 */
export const AttractScreen = ({ languages, language, onWake, onPickLanguage }: AttractScreenProps) => {
  const t = useStrings();
  const [lit, setLit] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      setLit((step) => (step + 1) % t.attractSteps.length);
    }, ATTRACT_STEP_MS);
    return () => {
      clearInterval(timer);
    };
  }, [t.attractSteps.length]);

  return (
    // The whole screen wakes on a click; the start button's click bubbles here too, for keys and assistive tech.
    <section
      className="screen screen--attract"
      data-screen="attract"
      aria-labelledby="attract-title"
      onClick={onWake}
    >
      <h1 id="attract-title" className="screen__title attract__title">
        {t.attractTitle}
      </h1>
      <ol className="attract__steps">
        {t.attractSteps.map((step, index) => (
          <li key={step} className="attract__step" data-lit={index === lit}>
            <span className="attract__number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="attract__text">{step}</span>
          </li>
        ))}
      </ol>
      <div className="attract__touch">
        <LanguageSwitch offered={languages} current={language} onPick={onPickLanguage} />
        <button type="button" className="big-button big-button--primary attract__start">
          {t.attractStart}
        </button>
      </div>
    </section>
  );
};
