import { useEffect, useMemo, useRef } from 'react';
import type { Sound } from '../../../electron/contract/schemas';
import type { ScreenName } from '../flow/select-screen';
import { cueForScreen, masterGain } from '../sound/cues';
import { cueMs, type SoundPlayer } from '../sound/sound-player';
import { speechPath, type SpeechCue } from '../sound/speech-cues';

export type SoundsInput = {
  readonly sound: Sound | undefined;
  /** The screen on show, for the outcome's cue. */
  readonly screen: ScreenName;
  /** What the screen says aloud when it appears, in `language`; null for nothing. */
  readonly speech: SpeechCue | null;
  readonly language: string;
  /** Grows each time a customer begins (wakes the attract screen, picks a language): the greeting is said again. */
  readonly greeting: number;
};

/**
 * The kiosk's sounds at its volume: a click under every enabled touch target the finger lands on (a disabled
 * one stays silent, as it does nothing); an outcome's cue, then its sentence, when its screen appears; the
 * greeting when a customer begins; and the chime at the new level whenever the operator changes it.
 */
export const useSounds = (player: SoundPlayer, input: SoundsInput): void => {
  const { sound, screen, speech, language, greeting } = input;
  const gain = useMemo(() => (sound === undefined ? 0 : masterGain(sound.volume, sound.muted)), [sound]);
  const latest = useRef({ gain, speech, language });
  useEffect(() => {
    latest.current = { gain, speech, language };
  }, [gain, speech, language]);

  useEffect(() => {
    const onPress = (event: PointerEvent): void => {
      const target = event.target instanceof Element ? event.target.closest('button') : null;
      if (target === null || target.disabled) return;
      player.play('click', latest.current.gain);
    };
    window.addEventListener('pointerdown', onPress, { capture: true });
    return () => {
      window.removeEventListener('pointerdown', onPress, { capture: true });
    };
  }, [player]);

  useEffect(() => {
    const now = latest.current;
    const cue = cueForScreen(screen);
    if (cue !== null) player.play(cue, now.gain);
    if (now.speech !== null)
      player.say({
        path: speechPath(now.language, now.speech),
        gain: now.gain,
        afterMs: cue === null ? 0 : cueMs(cue),
      });
  }, [player, screen]);

  useEffect(() => {
    if (greeting === 0) return;
    const now = latest.current;
    player.say({ path: speechPath(now.language, 'start'), gain: now.gain, afterMs: 0 });
  }, [player, greeting]);

  // The operator's change is heard at once, at the new level; the first state (the kiosk starting) is not.
  const heard = useRef<string | null>(null);
  const level = sound === undefined ? null : `${sound.volume}:${sound.muted}`;
  useEffect(() => {
    if (level === null) return;
    if (heard.current !== null && heard.current !== level) player.play('success', latest.current.gain);
    heard.current = level;
  }, [player, level]);
};
