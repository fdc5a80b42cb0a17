import type { SlotAddress, SlotLockView } from '../../../../electron/contract';
import { formatClockTime } from '../../flow/format-maintenance';
import { useStrings } from '../../i18n/i18n-context';
import { fill } from '../../i18n/strings';
import { BigButton } from '../big-button';

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
              {same(confirm, lock) ? (
                <div className="maintenance-confirm" role="alertdialog" aria-label={name}>
                  <p className="maintenance-confirm__question">
                    {fill(t.maintConfirmUnlock, { addr: lock.addr, slot: lock.slot })}
                  </p>
                  <div className="maintenance-confirm__buttons">
                    <BigButton tone="primary" onPress={onConfirm} disabled={busy}>
                      {t.maintConfirmYes}
                    </BigButton>
                    <BigButton tone="secondary" onPress={onCancel}>
                      {t.maintCancel}
                    </BigButton>
                  </div>
                </div>
              ) : (
                <BigButton
                  tone="secondary"
                  label={`${t.maintUnlock}: ${name}`}
                  disabled={busy}
                  onPress={() => {
                    onAsk({ addr: lock.addr, slot: lock.slot });
                  }}
                >
                  {t.maintUnlock}
                </BigButton>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
};
