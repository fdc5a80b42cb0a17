import type { ScreenName } from '../flow/select-screen';

/** One note of a cue: a pitch for a length, at a share of the kiosk's volume. */
export type Note = {
  readonly hz: number;
  readonly ms: number;
  /** 0–1 of the master volume; the click is quieter than the chime so typing never drowns out what is said. */
  readonly level: number;
  readonly wave: 'sine' | 'triangle' | 'square';
};

export type CueName = 'click' | 'success' | 'problem';

/**
 * The kiosk's sounds, as notes played by the page's own oscillators: nothing to download, nothing to decode, so
 * they work offline and start within a frame of the touch.
 * - click: a short, dry tick under every touch target, the feedback a flat screen lacks;
 * - success: a rising major arpeggio, C5–E5–G5, heard from a step away;
 * - problem: two falling tones, calm rather than alarming, for an outcome the screen must explain.
 */
export const cues: Readonly<Record<CueName, readonly Note[]>> = {
  click: [{ hz: 1760, ms: 18, level: 0.25, wave: 'triangle' }],
  success: [
    { hz: 523.25, ms: 110, level: 0.6, wave: 'sine' },
    { hz: 659.25, ms: 110, level: 0.6, wave: 'sine' },
    { hz: 783.99, ms: 260, level: 0.6, wave: 'sine' },
  ],
  problem: [
    { hz: 493.88, ms: 160, level: 0.5, wave: 'sine' },
    { hz: 392, ms: 300, level: 0.5, wave: 'sine' },
  ],
};

/** The cue a newly shown screen plays, if any: the outcome, said by ear as well as on screen. */
export const cueForScreen = (screen: ScreenName): CueName | null => {
  if (screen === 'success') return 'success';
  if (screen === 'partial' || screen === 'failed' || screen === 'attention') return 'problem';
  return null;
};

/** The kiosk's volume (0–100) as a gain, muted as 0; the curve is squared so the low steps stay usable. */
export const masterGain = (volume: number, muted: boolean): number => {
  if (muted) return 0;
  const share = Math.min(100, Math.max(0, volume)) / 100;
  return share * share;
};
