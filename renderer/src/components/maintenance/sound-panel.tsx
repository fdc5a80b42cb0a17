import type { SetSoundInput } from '../../../../electron/contract/operator-schemas';
import type { Sound } from '../../../../electron/contract/schemas';
import { useStrings } from '../../i18n/i18n-context';
import { fill } from '../../i18n/strings';
import { BigButton } from '../big-button';

/** One tap moves the volume this far: ten steps from silent to full. */
export const VOLUME_STEP = 10;

type SoundPanelProps = {
  readonly sound: Sound;
  readonly busy: boolean;
  readonly onChange: (change: SetSoundInput) => void;
};

/**
 * The kiosk's volume and mute. Each tap takes effect at once (the kiosk clicks at the new level so the operator
 * hears it) and is kept across restarts; nothing here needs a confirmation, as the next tap undoes it.
 */
export const SoundPanel = ({ sound, busy, onChange }: SoundPanelProps) => {
  const t = useStrings();
  const { volume, muted } = sound;
  return (
    <section
      className="maintenance-section"
      aria-labelledby="sound-title"
      data-sound={muted ? 'muted' : volume}
    >
      <h2 id="sound-title" className="maintenance-section__title">
        {t.maintSound}
      </h2>
      <div className="maintenance-list__item">
        <p className="maintenance-list__text">
          <span className="maintenance-list__name">
            {fill(muted ? t.maintSoundMuted : t.maintSoundLevel, { n: volume })}
          </span>
        </p>
        <div className="maintenance-confirm__buttons">
          <BigButton
            tone="secondary"
            disabled={busy || volume === 0}
            onPress={() => {
              onChange({ volume: Math.max(0, volume - VOLUME_STEP) });
            }}
          >
            {t.maintSoundQuieter}
          </BigButton>
          <BigButton
            tone="secondary"
            disabled={busy || volume === 100}
            onPress={() => {
              onChange({ volume: Math.min(100, volume + VOLUME_STEP) });
            }}
          >
            {t.maintSoundLouder}
          </BigButton>
          <BigButton
            tone="secondary"
            disabled={busy}
            onPress={() => {
              onChange({ muted: !muted });
            }}
          >
            {muted ? t.maintSoundUnmute : t.maintSoundMute}
          </BigButton>
        </div>
      </div>
    </section>
  );
};
