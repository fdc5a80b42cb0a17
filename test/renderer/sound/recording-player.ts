import type { CueName } from '../../../renderer/src/sound/cues';
import type { Clip, SoundPlayer } from '../../../renderer/src/sound/sound-player';

export type Heard = { readonly cue: CueName; readonly gain: number } | { readonly clip: Clip };

/** A SoundPlayer that writes down what it was asked to play, in order. */
export class RecordingPlayer implements SoundPlayer {
  readonly heard: Heard[] = [];

  play(cue: CueName, gain: number): void {
    this.heard.push({ cue, gain });
  }

  say(clip: Clip): void {
    this.heard.push({ clip });
  }

  /** The cues and clip paths heard since the last call, as short text. */
  take(): string[] {
    const lines = this.heard.map((h) =>
      'cue' in h ? `${h.cue}@${h.gain}` : `${h.clip.path}@${h.clip.gain}+${h.clip.afterMs}`,
    );
    this.heard.length = 0;
    return lines;
  }
}
