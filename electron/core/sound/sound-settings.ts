import type { AdminStore } from '../ports/admin-store';

export type SoundSettings = { readonly volume: number; readonly muted: boolean };
export type SoundChange = { readonly volume?: number | undefined; readonly muted?: boolean | undefined };

const KEY = 'sound.settings';

const isVolume = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;

/**
 * The kiosk's volume and mute: the installer's file gives the start, the maintenance screen changes them, and
 * the change is kept across restarts. A kept value that does not read back as valid is ignored, never trusted.
 */
export const readSound = (store: AdminStore, configured: SoundSettings): SoundSettings => {
  const text = store.getMeta(KEY);
  if (text === null) return configured;
  try {
    const kept = JSON.parse(text) as { volume?: unknown; muted?: unknown };
    return {
      volume: isVolume(kept.volume) ? kept.volume : configured.volume,
      muted: typeof kept.muted === 'boolean' ? kept.muted : configured.muted,
    };
  } catch {
    return configured;
  }
};

/** Applies an operator's change over what is in force; writes only when something changed. */
export const changeSound = (
  store: AdminStore,
  configured: SoundSettings,
  change: SoundChange,
): SoundSettings => {
  const before = readSound(store, configured);
  const after = { volume: change.volume ?? before.volume, muted: change.muted ?? before.muted };
  if (after.volume !== before.volume || after.muted !== before.muted)
    store.setMeta(KEY, JSON.stringify(after));
  return after;
};
