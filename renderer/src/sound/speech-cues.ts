import type { ScreenName } from '../flow/select-screen';

/** Every sentence the kiosk says aloud. Each language's table has one per cue; the audio is rendered from them. */
export const speechCues = [
  'start',
  'success-one',
  'success-many',
  'partial',
  'failed',
  'attention',
  'refused',
  'locked',
] as const;
export type SpeechCue = (typeof speechCues)[number];

/** Where a cue's clip is served from: rendered at build time, shipped with the page, never fetched from outside. */
export const speechPath = (language: string, cue: SpeechCue): string => `speech/${language}/${cue}.ogg`;

/**
 * What a screen says aloud when it appears. The entry says nothing here: it greets only when a customer begins
 * (the attract screen woken, a language picked), not every time it comes back.
 */
export const speechForScreen = (
  screen: ScreenName,
  detail: { readonly refused: boolean; readonly units: number },
): SpeechCue | null => {
  switch (screen) {
    case 'success':
      return detail.units > 1 ? 'success-many' : 'success-one';
    case 'partial':
      return 'partial';
    case 'failed':
      return detail.refused ? 'refused' : 'failed';
    case 'attention':
      return 'attention';
    case 'locked-out':
      return 'locked';
    default:
      return null;
  }
};
