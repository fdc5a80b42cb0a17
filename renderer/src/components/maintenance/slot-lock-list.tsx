import type { SlotAddress, SlotLockView } from '../../../../electron/contract';
import { formatClockTime } from '../../flow/format-maintenance';
import { useStrings } from '../../i18n/i18n-context';
import { fill } from '../../i18n/strings';
import { ConfirmableAction } from './confirmable-action';

type SlotLockListProps = {
  readonly locks: readonly SlotLockView[];
  /** The lock waiting for "yes", if any. */
  readonly confirm: SlotAddress | null;
  readonly busy: boolean;
  readonly onAsk: (lock: SlotAddress) => void;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
};

const same = (a: SlotAddress | null, b: SlotAddress): boolean =>
  a !== null && a.addr === b.addr && a.slot === b.slot;

/** Each locked slot with why and since when, and an unlock button that asks once more before it acts. */
export const SlotLockList = ({ locks, confirm, busy, onAsk, onCancel, onConfirm }: SlotLockListProps) => {
  const t = useStrings();
  return (
    <section className="maintenance-section" aria-labelledby="slot-locks-title">
      <h2 id="slot-locks-title" className="maintenance-section__title">
        {t.maintSlotLocks}
      </h2>
      {locks.length === 0 ? <p className="maintenance-section__empty">{t.maintNoSlotLocks}</p> : null}
      <ul className="maintenance-list">
        {locks.map((lock) => {
          const name = fill(t.maintSlot, { addr: lock.addr, slot: lock.slot });
          return (
            <li
              key={`${lock.addr}-${lock.slot}`}
              className="maintenance-list__item"
              data-slot-lock={`${lock.addr}/${lock.slot}`}
            >
              <div className="maintenance-list__text">
                <span className="maintenance-list__name">{name}</span>
                <span className="maintenance-list__detail">{lock.reason}</span>
                <span className="maintenance-list__detail">
                  {fill(t.maintLockedSince, { time: formatClockTime(lock.lockedAt) })}
                </span>
              </div>
              <ConfirmableAction
                name={name}
                action={t.maintUnlock}
                question={fill(t.maintConfirmUnlock, { addr: lock.addr, slot: lock.slot })}
                yes={t.maintConfirmYes}
                asking={same(confirm, lock)}
                busy={busy}
                onAsk={() => {
                  onAsk({ addr: lock.addr, slot: lock.slot });
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
