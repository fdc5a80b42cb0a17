import { cues, type CueName } from './cues';

/** The few Web Audio parts the player uses, so a test can hand it a recording stand-in. */
export type AudioParts = {
  readonly currentTime: number;
  readonly destination: AudioNode;
  readonly state: string;
  resume(): Promise<void>;
  createOscillator(): OscillatorNode;
  createGain(): GainNode;
};

/** One spoken clip: started after `afterMs` (so it follows a chime instead of talking over it), at `gain`. */
export type Clip = { readonly path: string; readonly gain: number; readonly afterMs: number };

export type SoundPlayer = {
  play(cue: CueName, gain: number): void;
  /** A new clip cuts off one still playing: the screen it belonged to is gone. */
  say(clip: Clip): void;
};

/** Each note fades in and out over 5 ms: a hard edge on a sine is heard as a click of its own. */
const EDGE_S = 0.005;

/** How long a cue lasts, so speech can start when it ends. */
export const cueMs = (cue: CueName): number => cues[cue].reduce((sum, note) => sum + note.ms, 0);

const playNotes = (context: AudioParts, cue: CueName, gain: number): void => {
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  let at = context.currentTime;
  for (const note of cues[cue]) {
    const seconds = note.ms / 1000;
    const oscillator = context.createOscillator();
    const envelope = context.createGain();
    oscillator.type = note.wave;
    oscillator.frequency.value = note.hz;
    envelope.gain.setValueAtTime(0, at);
    envelope.gain.linearRampToValueAtTime(note.level * gain, at + EDGE_S);
    envelope.gain.setValueAtTime(note.level * gain, at + seconds - EDGE_S);
    envelope.gain.linearRampToValueAtTime(0, at + seconds);
    oscillator.connect(envelope);
    envelope.connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + seconds);
    at += seconds;
  }
};

/** The media element a clip plays through; `new Audio()` in the page. */
export type ClipElement = { src: string; volume: number; play(): Promise<void>; pause(): void };

/**
 * Plays cues through one lazily made audio context, and clips through one media element. A gain of 0 plays
 * nothing at all. Any failure (no audio device, a platform that refuses to play) loses the sound and nothing
 * else: sound is a help, never a condition of a redemption.
 */
export const createSoundPlayer = (
  makeContext: () => AudioParts | null,
  makeElement: () => ClipElement | null,
): SoundPlayer => {
  let context: AudioParts | null | undefined;
  let element: ClipElement | null | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  return {
    play(cue, gain) {
      if (gain <= 0) return;
      context ??= makeContext();
      if (context !== null) playNotes(context, cue, gain);
    },
    say({ path, gain, afterMs }) {
      clearTimeout(pending);
      element ??= makeElement();
      const clip = element;
      if (clip === null) return;
      clip.pause();
      if (gain <= 0) return;
      pending = setTimeout(() => {
        clip.src = path;
        clip.volume = Math.min(1, gain);
        clip.play().catch(() => undefined);
      }, afterMs);
    },
  };
};

/** The page's real audio, or a silent player where it has none (jsdom, a platform without Web Audio). */
export const browserSoundPlayer = (): SoundPlayer =>
  createSoundPlayer(
    () => (typeof AudioContext === 'undefined' ? null : new AudioContext({ latencyHint: 'interactive' })),
    () => (typeof AudioContext === 'undefined' ? null : new Audio()),
  );
