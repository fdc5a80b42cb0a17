import type { LogEventView } from '../../../../electron/contract';
import { useStrings } from '../../i18n/i18n-context';
import { fill } from '../../i18n/strings';
import { BigButton } from '../big-button';

type RecentLogProps = {
  /** Oldest first, as main sends it; null while the log is not shown. */
  readonly events: readonly LogEventView[] | null;
  readonly busy: boolean;
  readonly onLoad: () => void;
  readonly onHide: () => void;
};

/** The log's own clock is UTC (its file names are UTC days too): shown as such, month-day and time. */
const timeOf = (t: string): string => (t.length >= 19 ? `${t.slice(5, 10)} ${t.slice(11, 19)}Z` : t);

/**
 * The kiosk's recent log events, newest first so the latest is where the eye lands, in a box that scrolls
 * under a finger. The lines were redacted when they were written; loaded on request, since they are many.
 */
export const RecentLog = ({ events, busy, onLoad, onHide }: RecentLogProps) => {
  const t = useStrings();
  return (
    <section className="maintenance-section" aria-labelledby="recent-log-title">
      <h2 id="recent-log-title" className="maintenance-section__title">
        {t.maintLog}
      </h2>
      <div className="recent-log__buttons">
        <BigButton tone="secondary" onPress={onLoad} disabled={busy}>
          {events === null ? t.maintLogShow : t.maintLogReload}
        </BigButton>
        {events === null ? null : (
          <BigButton tone="secondary" onPress={onHide}>
            {t.maintLogHide}
          </BigButton>
        )}
      </div>
      {events === null ? null : events.length === 0 ? (
        <p className="maintenance-section__empty">{t.maintLogEmpty}</p>
      ) : (
        <>
          <p className="maintenance-list__detail">{fill(t.maintLogNewestFirst, { n: events.length })}</p>
          <ol className="recent-log" aria-label={t.maintLog} tabIndex={0}>
            {[...events].reverse().map((e, index) => (
              <li key={events.length - index} className={`recent-log__line recent-log__line--${e.level}`}>
                {e.level === 'unreadable' ? (
                  <>
                    <span className="recent-log__event">{t.maintLogUnreadable}</span> {e.detail}
                  </>
                ) : (
                  <>
                    <span className="recent-log__time">{timeOf(e.t)}</span>{' '}
                    <span className="recent-log__level">{e.level}</span>{' '}
                    <span className="recent-log__event">{e.event}</span> {e.detail}
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
};
