import type { OperatorSlotView } from '../../../../electron/contract';
import type { OperatorDialog } from '../../flow/operator-dialog';
import { typedCount } from '../../flow/operator-dialog';
import { useStrings } from '../../i18n/i18n-context';
import { fill } from '../../i18n/strings';
import { BigButton } from '../big-button';
import { Keypad } from '../keypad';
import type { OperatorScreenHandlers } from './operator-handlers';

type RestockPadProps = {
  readonly slot: OperatorSlotView;
  readonly dialog: Extract<OperatorDialog, { kind: 'restock' }>;
  readonly busy: boolean;
  readonly on: Pick<OperatorScreenHandlers, 'onTool' | 'onConfirmRestock'>;
};

/**
 * The operator counts what is in the slot after filling it and types that count; the screen says it back once
 * more before it is saved. A count above the slot's capacity cannot be saved (the core refuses it too).
 */
export const RestockPad = ({ slot, dialog, busy, on }: RestockPadProps) => {
  const t = useStrings();
  const count = typedCount(dialog);
  const fits = count !== null && (slot.capacity <= 0 || count <= slot.capacity);
  const names = { slot: slot.slotName, name: slot.name };
  if (dialog.confirming)
    return (
      <div className="maintenance-confirm" role="alertdialog" aria-label={t.maintRestock}>
        <p className="maintenance-confirm__question">
          {fill(t.maintConfirmRestock, { ...names, count: count ?? 0, stock: slot.stock })}
        </p>
        <div className="maintenance-confirm__buttons">
          <BigButton tone="primary" onPress={on.onConfirmRestock} disabled={busy}>
            {t.maintConfirmRestockYes}
          </BigButton>
          <BigButton
            tone="secondary"
            onPress={() => {
              on.onTool({ type: 'restock-edit' });
            }}
          >
            {t.maintCancel}
          </BigButton>
        </div>
      </div>
    );
  return (
    <div className="restock-pad" role="group" aria-label={t.maintRestock}>
      <p className="restock-pad__title">{fill(t.maintRestockTitle, { ...names, capacity: slot.capacity })}</p>
      <output className="restock-pad__count" aria-label={t.maintRestockCount} data-count={dialog.count}>
        {dialog.count === '' ? '–' : dialog.count}
      </output>
      <Keypad
        label={t.maintRestockCount}
        submitLabel={t.maintRestockReview}
        canSubmit={fits && !busy}
        onDigit={(key) => {
          on.onTool({ type: 'restock-key', key });
        }}
        onDelete={() => {
          on.onTool({ type: 'restock-delete' });
        }}
        onClear={() => {
          on.onTool({ type: 'restock-clear' });
        }}
        onSubmit={() => {
          on.onTool({ type: 'restock-review' });
        }}
      />
      <BigButton
        tone="secondary"
        onPress={() => {
          on.onTool({ type: 'cancel' });
        }}
      >
        {t.maintCancel}
      </BigButton>
    </div>
  );
};
