import { useStrings } from '../i18n/i18n-context';

type ReferenceCardProps = {
  /** Null on a refusal: nothing was recorded to quote, but the customer may still need someone to call. */
  readonly reference: string | null;
  readonly supportContact: string | undefined;
};

/** What the customer quotes to support: the reference, and who to call. */
export const ReferenceCard = ({ reference, supportContact }: ReferenceCardProps) => {
  const t = useStrings();
  const contact = supportContact !== undefined && supportContact.trim() !== '' ? supportContact : null;
  return (
    <dl className="reference-card">
      {reference === null ? null : (
        <div className="reference-card__row">
          <dt>{t.referenceLabel}</dt>
          <dd className="reference-card__reference" data-testid="reference">
            {reference}
          </dd>
        </div>
      )}
      <div className="reference-card__row">
        <dt>{t.supportLabel}</dt>
        <dd className="reference-card__support" data-testid="support">
          {contact ?? t.supportFallback}
        </dd>
      </div>
    </dl>
  );
};
