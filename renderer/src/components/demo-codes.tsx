import { useStrings } from '../i18n/i18n-context';
import { BigButton } from './big-button';

type DemoCodesProps = {
  readonly codes: readonly string[];
  readonly onPick: (code: string) => void;
};

/** The demo's seeded codes as buttons: a tap types the code in, the visitor still presses submit. */
export const DemoCodes = ({ codes, onPick }: DemoCodesProps) => {
  const t = useStrings();
  if (codes.length === 0) return null;
  return (
    <div className="demo-codes" role="group" aria-labelledby="demo-codes-title">
      <p id="demo-codes-title" className="demo-codes__title">
        {t.demoCodesTitle}
      </p>
      <div className="demo-codes__list">
        {codes.map((code) => (
          <BigButton
            key={code}
            tone="secondary"
            className="demo-codes__code"
            onPress={() => {
              onPick(code);
            }}
          >
            {code}
          </BigButton>
        ))}
      </div>
    </div>
  );
};
