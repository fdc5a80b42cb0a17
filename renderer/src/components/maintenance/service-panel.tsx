import type { ServiceView } from '../../../../electron/contract';
import { formatClockTime } from '../../flow/format-maintenance';
import { useStrings } from '../../i18n/i18n-context';
import { fill, type Strings } from '../../i18n/strings';
import { ConfirmableAction } from './confirmable-action';

type ServicePanelProps = {
  readonly service: ServiceView;
  /** The switch's question is on screen. */
  readonly asking: boolean;
  readonly busy: boolean;
  readonly onAsk: (inService: boolean) => void;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
};

const byText = (t: Strings, by: ServiceView['by']): string =>
  by === 'maintenance' ? t.maintByMaintenance : by === 'kioskctl' ? t.maintByKioskctl : t.maintByUnknown;

/** The operator's out-of-service switch: where it stands, since when and who set it, and the way back. */
export const ServicePanel = ({ service, asking, busy, onAsk, onCancel, onConfirm }: ServicePanelProps) => {
  const t = useStrings();
  const off = !service.inService;
  return (
    <section
      className={off ? 'maintenance__alert' : 'maintenance-section'}
      aria-labelledby="service-title"
      data-service={off ? 'off' : 'on'}
    >
      <h2 id="service-title" className="maintenance-section__title">
        {t.maintService}
      </h2>
      <div className="maintenance-list__item">
        <p className="maintenance-list__text">
          {off
            ? fill(t.maintOutOfServiceSince, {
                time: service.since === null ? t.maintNotYetKnown : formatClockTime(service.since),
                by: byText(t, service.by),
              })
            : t.maintInService}
        </p>
        <ConfirmableAction
          name={t.maintService}
          action={off ? t.maintServiceOn : t.maintServiceOff}
          question={off ? t.maintConfirmServiceOn : t.maintConfirmServiceOff}
          yes={off ? t.maintConfirmServiceOnYes : t.maintConfirmServiceOffYes}
          asking={asking}
          busy={busy}
          onAsk={() => {
            onAsk(off);
          }}
          onCancel={onCancel}
          onConfirm={onConfirm}
        />
      </div>
    </section>
  );
};
