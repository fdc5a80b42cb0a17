import type { MaintenanceStatus } from '../../../../electron/contract';
import { formatDuration, formatSkew } from '../../flow/format-maintenance';
import { useStrings } from '../../i18n/i18n-context';
import type { Strings } from '../../i18n/strings';

const boardText = (t: Strings, board: MaintenanceStatus['board']): string =>
  board === 'connected'
    ? t.maintBoardConnected
    : board === 'reconnecting'
      ? t.maintBoardReconnecting
      : t.maintBoardDown;

/** Anything but the OS keyring (or the demo, which has no credentials) is worth the operator's attention. */
const credentialsNeedAttention = (state: MaintenanceStatus['credentialStore']['state']): boolean =>
  state !== 'ready' && state !== 'not-used';

type Fact = { readonly key: string; readonly label: string; readonly value: string; readonly warn: boolean };

const factsOf = (t: Strings, status: MaintenanceStatus): Fact[] => {
  const d = status.diagnostics;
  const unknown = t.maintNotYetKnown;
  const facts: Fact[] = [
    {
      key: 'board',
      label: t.maintBoard,
      value: boardText(t, status.board),
      warn: status.board !== 'connected',
    },
    {
      key: 'credentials',
      label: t.maintCredentials,
      value: status.credentialStore.message,
      warn: credentialsNeedAttention(status.credentialStore.state),
    },
  ];
  if (d === null) return facts;
  return [
    ...facts,
    { key: 'outbox', label: t.maintOutbox, value: String(d.outboxLength), warn: d.outboxLength > 0 },
    { key: 'open', label: t.maintOpenRedemptions, value: String(d.openRedemptions), warn: false },
    {
      key: 'cache-age',
      label: t.maintCacheAge,
      value: d.cacheAgeMs === null ? unknown : formatDuration(t, d.cacheAgeMs),
      warn: d.cacheAgeMs === null,
    },
    {
      key: 'clock-skew',
      label: t.maintClockSkew,
      value: d.clockSkewMs === null ? unknown : formatSkew(t, d.clockSkewMs),
      warn: false,
    },
    ...liveFacts(t, d.liveLink),
  ];
};

const liveStateText = (t: Strings, state: LiveView['state']): string =>
  state === 'up' ? t.maintLiveUp : state === 'off' ? t.maintLiveOff : t.maintLiveReconnecting;

type LiveView = NonNullable<NonNullable<MaintenanceStatus['diagnostics']>['liveLink']>;

const liveFacts = (t: Strings, live: LiveView | undefined): Fact[] =>
  live === undefined
    ? []
    : [
        {
          key: 'live-link',
          label: t.maintLiveLink,
          value: t.maintLiveLine
            .replace('{state}', liveStateText(t, live.state))
            .replace('{waiting}', String(live.waiting))
            .replace('{dropped}', String(live.dropped)),
          warn: live.state !== 'up' || live.dropped > 0,
        },
      ];

/** The kiosk's health at a glance, one labelled line each; lines that need a look are marked. */
export const StatusFacts = ({ status }: { readonly status: MaintenanceStatus }) => {
  const t = useStrings();
  return (
    <dl className="maintenance-facts">
      {factsOf(t, status).map((fact) => (
        <div
          key={fact.key}
          className={`maintenance-facts__row${fact.warn ? ' maintenance-facts__row--warn' : ''}`}
          data-fact={fact.key}
        >
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
};
