import type { AttentionView } from '../../../../electron/contract';
import { formatClockTime } from '../../flow/format-maintenance';
import { useStrings } from '../../i18n/i18n-context';
import { fill } from '../../i18n/strings';

/** Pickups an operator must look into (an outcome nobody could confirm), by masked code, slot and time. */
export const AttentionList = ({ items }: { readonly items: readonly AttentionView[] }) => {
  const t = useStrings();
  return (
    <section className="maintenance-section" aria-labelledby="attention-title">
      <h2 id="attention-title" className="maintenance-section__title">
        {t.maintAttention}
      </h2>
      {items.length === 0 ? <p className="maintenance-section__empty">{t.maintNoAttention}</p> : null}
      <ul className="maintenance-list">
        {items.map((item) => (
          <li key={item.redemptionId} className="maintenance-list__item" data-attention={item.redemptionId}>
            <div className="maintenance-list__text">
              <span className="maintenance-list__name">
                {fill(t.maintAttentionItem, {
                  code: item.codeMask,
                  slot: item.slotName,
                  time: formatClockTime(item.at),
                })}
              </span>
              <span className="maintenance-list__detail">
                {/* The customer quotes the last 8 digits of the trade id: the reference their screen showed. */}
                {t.referenceLabel} {item.redemptionId.slice(-8)}
              </span>
              {item.note === null ? null : <span className="maintenance-list__detail">{item.note}</span>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
};
