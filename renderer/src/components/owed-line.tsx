import { useStrings } from '../i18n/i18n-context';
import { fill } from '../i18n/strings';

/** Tells a customer who did not get everything that their code still works for the rest; nothing when nothing is owed. */
export const OwedLine = ({ owed }: { readonly owed: number }) => {
  const t = useStrings();
  if (owed <= 0) return null;
  return (
    <p className="screen__text screen__text--strong" data-testid="owed">
      {owed === 1 ? t.owedOne : fill(t.owedMany, { n: owed })}
    </p>
  );
};
