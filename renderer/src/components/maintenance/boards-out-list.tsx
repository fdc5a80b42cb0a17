import type { BoardOutView } from '../../../../electron/contract';
import { useStrings } from '../../i18n/i18n-context';
import { fill } from '../../i18n/strings';

/** Boards the start-up check took out of service, each with why; nothing when every board passed. */
export const BoardsOutList = ({ boards }: { readonly boards: readonly BoardOutView[] }) => {
  const t = useStrings();
  if (boards.length === 0) return null;
  return (
    <section className="maintenance__alert" aria-labelledby="boards-out-title">
      <h2 id="boards-out-title" className="maintenance-section__title">
        {t.maintBoardsOut}
      </h2>
      <ul className="maintenance-list">
        {boards.map((b) => (
          <li key={b.addr} className="maintenance-list__item" data-board-out={b.addr}>
            <div className="maintenance-list__text">
              <span className="maintenance-list__name">
                {fill(b.kind === 'down' ? t.maintBoardSilent : t.maintBoardMismatch, { addr: b.addr })}
              </span>
              <span className="maintenance-list__detail">{b.reason}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
};
