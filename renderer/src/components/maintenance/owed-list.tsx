import type { OwedView } from '../../../../electron/contract';
import { formatClockTime } from '../../flow/format-maintenance';
import { useStrings } from '../../i18n/i18n-context';
import { fill } from '../../i18n/strings';
import { ConfirmableAction } from './confirmable-action';

type OwedListProps = {
  readonly items: readonly OwedView[];
  /** The owed code waiting for "yes", if any (its redemption id). */
  readonly confirm: string | null;
  readonly busy: boolean;
  readonly onAsk: (redemptionId: string) => void;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
};

/**
 * Codes the machine still owes items, by masked code, slot and count, each with a "settle" that asks once more:
 * settling means the customer was served another way, so the code stops dispensing them.
 */
export const OwedList = ({ items, confirm, busy, onAsk, onCancel, onConfirm }: OwedListProps) => {
  const t = useStrings();
  return (
    <section className="maintenance-section" aria-labelledby="owed-title">
      <h2 id="owed-title" className="maintenance-section__title">
        {t.maintOwed}
      </h2>
      {items.length === 0 ? <p className="maintenance-section__empty">{t.maintNoOwed}</p> : null}
      <ul className="maintenance-list">
        {items.map((item) => {
          const name = fill(t.maintOwedItem, {
            code: item.codeMask,
            slot: item.slotName,
            n: item.owed,
            time: formatClockTime(item.at),
          });
          return (
            <li key={item.redemptionId} className="maintenance-list__item" data-owed={item.redemptionId}>
              <div className="maintenance-list__text">
                <span className="maintenance-list__name">{name}</span>
                <span className="maintenance-list__detail">
                  {t.referenceLabel} {item.redemptionId.slice(-8)}
                </span>
              </div>
              <ConfirmableAction
                name={name}
                action={t.maintSettle}
                question={t.maintConfirmSettle}
                yes={t.maintConfirmSettleYes}
                asking={confirm === item.redemptionId}
                busy={busy}
                onAsk={() => {
                  onAsk(item.redemptionId);
                }}
                onCancel={onCancel}
                onConfirm={onConfirm}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
};
