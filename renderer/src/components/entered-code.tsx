import { useStrings } from '../i18n/i18n-context';

/** The code a "not recognised" refusal kept, shown so the customer can check it against their order. */
export const EnteredCode = ({ code }: { readonly code: string }) => {
  const t = useStrings();
  return (
    <dl className="reference-card">
      <div className="reference-card__row">
        <dt>{t.enteredLabel}</dt>
        <dd className="reference-card__reference" data-testid="entered-code">
          {code}
        </dd>
      </div>
    </dl>
  );
};
