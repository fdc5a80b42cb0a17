import type { OperatorSlotView, TestView } from '../../../../electron/contract';
import { formatClockTime } from '../../flow/format-maintenance';
import { testOutcomeText } from '../../flow/operator-feedback';
import type { OperatorDialog } from '../../flow/operator-dialog';
import { useStrings } from '../../i18n/i18n-context';
import { fill } from '../../i18n/strings';
import { BigButton } from '../big-button';
import { ConfirmableAction } from './confirmable-action';
import type { OperatorScreenHandlers } from './operator-handlers';
import { RestockPad } from './restock-pad';

type SlotToolsProps = {
  readonly slots: readonly OperatorSlotView[];
  readonly lastTest: TestView | null;
  readonly dialog: OperatorDialog | null;
  readonly busy: boolean;
  readonly on: Pick<OperatorScreenHandlers, 'onTool' | 'onConfirmTest' | 'onConfirmRestock'>;
};

/**
 * Every slot the product list names, with its stock: test it (drops one item, after a second "yes"), or record
 * its count after a restock on a keypad. The last test's outcome stays on top until the next one.
 */
export const SlotTools = ({ slots, lastTest, dialog, busy, on }: SlotToolsProps) => {
  const t = useStrings();
  return (
    <section className="maintenance-section" aria-labelledby="slot-tools-title">
      <h2 id="slot-tools-title" className="maintenance-section__title">
        {t.maintSlots}
      </h2>
      {lastTest === null ? null : (
        <p className="maintenance-list__detail" data-last-test={lastTest.state}>
          {fill(t.maintLastTest, {
            addr: lastTest.addr,
            slot: lastTest.slot,
            time: formatClockTime(lastTest.startedAt),
            outcome: testOutcomeText(t, lastTest),
          })}
        </p>
      )}
      {slots.length === 0 ? <p className="maintenance-section__empty">{t.maintNoSlots}</p> : null}
      <ul className="maintenance-list">
        {slots.map((s) => {
          const name = fill(t.maintSlotLine, {
            slot: s.slotName,
            name: s.name,
            stock: s.stock,
            capacity: s.capacity,
          });
          const restocking = dialog?.kind === 'restock' && dialog.productId === s.productId ? dialog : null;
          return (
            <li key={s.productId} className="maintenance-list__item" data-slot={`${s.addr}/${s.slot}`}>
              <div className="maintenance-list__text">
                <span className="maintenance-list__name">{name}</span>
                <span className="maintenance-list__detail">
                  {fill(t.maintSlot, { addr: s.addr, slot: s.slot })}
                  {s.locked ? ` · ${t.maintSlotLocked}` : ''}
                </span>
              </div>
              <div className="slot-tools__buttons">
                <ConfirmableAction
                  name={name}
                  action={t.maintTest}
                  question={fill(t.maintConfirmTest, { slot: s.slotName })}
                  yes={t.maintConfirmTestYes}
                  asking={dialog?.kind === 'test' && dialog.addr === s.addr && dialog.slot === s.slot}
                  busy={busy}
                  onAsk={() => {
                    on.onTool({ type: 'ask-test', addr: s.addr, slot: s.slot });
                  }}
                  onCancel={() => {
                    on.onTool({ type: 'cancel' });
                  }}
                  onConfirm={on.onConfirmTest}
                />
                {restocking === null ? (
                  <BigButton
                    tone="secondary"
                    label={`${t.maintRestock}: ${name}`}
                    disabled={busy}
                    onPress={() => {
                      on.onTool({ type: 'ask-restock', productId: s.productId });
                    }}
                  >
                    {t.maintRestock}
                  </BigButton>
                ) : null}
              </div>
              {restocking === null ? null : <RestockPad slot={s} dialog={restocking} busy={busy} on={on} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
};
