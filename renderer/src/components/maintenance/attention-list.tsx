import type { AttentionView } from '../../../../electron/contract';
import { formatClockTime } from '../../flow/format-maintenance';
import { useStrings } from '../../i18n/i18n-context';
import { fill } from '../../i18n/strings';
import type { ResolveNote } from '../../flow/operator-dialog';
import { ResolveAttention } from './resolve-attention';

/** Resolving an item (the running kiosk only): which one is being asked about, and the answer picked so far. */
export type AttentionResolve = {
  readonly asking: { readonly redemptionId: string; readonly note: ResolveNote | null } | null;
  readonly busy: boolean;
  readonly onAsk: (redemptionId: string) => void;
  readonly onPick: (note: ResolveNote) => void;
  readonly onCancel: () => void;
  readonly onConfirm: (note: string) => void;
};

/**
 * Pickups an operator must look into (an outcome nobody could confirm), by masked code, slot and time; each can
 * be resolved with what the operator found, which takes it off the list.
 */
export const AttentionList = ({
  items,
  resolve,
}: {
  readonly items: readonly AttentionView[];
  readonly resolve?: AttentionResolve;
}) => {
  const t = useStrings();
  return (
    <section className="maintenance-section" aria-labelledby="attention-title">
      <h2 id="attention-title" className="maintenance-section__title">
        {t.maintAttention}
      </h2>
      {items.length === 0 ? <p className="maintenance-section__empty">{t.maintNoAttention}</p> : null}
      <ul className="maintenance-list">
        {items.map((item) => {
          const name = fill(t.maintAttentionItem, {
            code: item.codeMask,
            slot: item.slotName,
            time: formatClockTime(item.at),
          });
          const asking = resolve?.asking?.redemptionId === item.redemptionId ? resolve.asking : null;
          return (
            <li key={item.redemptionId} className="maintenance-list__item" data-attention={item.redemptionId}>
              <div className="maintenance-list__text">
                <span className="maintenance-list__name">{name}</span>
                <span className="maintenance-list__detail">
                  {/* The customer quotes the last 8 digits of the trade id: the reference their screen showed. */}
                  {t.referenceLabel} {item.redemptionId.slice(-8)}
                </span>
                {item.note === null ? null : <span className="maintenance-list__detail">{item.note}</span>}
              </div>
              {resolve === undefined ? null : (
                <ResolveAttention
                  name={name}
                  asking={asking !== null}
                  note={asking?.note ?? null}
                  busy={resolve.busy}
                  onAsk={() => {
                    resolve.onAsk(item.redemptionId);
                  }}
                  onPick={resolve.onPick}
                  onCancel={resolve.onCancel}
                  onConfirm={resolve.onConfirm}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
};
