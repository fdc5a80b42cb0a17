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

export type SoundControl = {
  /** What is in force, from memory: read from the journal once, at creation. */
  current(): SoundSettings;
  /** Applies an operator's change; writes and answers `changed` only when something really changed. */
  change(change: SoundChange): { readonly settings: SoundSettings; readonly changed: boolean };
};

export const createSoundControl = (store: AdminStore, configured: SoundSettings): SoundControl => {
  let now = readSound(store, configured);
  return {
    current: () => now,
    change(change) {
      const after = { volume: change.volume ?? now.volume, muted: change.muted ?? now.muted };
      const changed = after.volume !== now.volume || after.muted !== now.muted;
      if (changed) {
        store.setMeta(KEY, JSON.stringify(after));
        now = after;
      }
      return { settings: now, changed };
    },
  };
};
