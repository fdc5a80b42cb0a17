import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cues, masterGain } from '../../../renderer/src/sound/cues';
import {
  createSoundPlayer,
  type AudioParts,
  type ClipElement,
} from '../../../renderer/src/sound/sound-player';

type Scheduled = { type: string; hz: number; start: number; stop: number; peak: number };

/** Just enough of an AudioContext to see what was scheduled, and when. */
const fakeContext = (scheduled: Scheduled[]): AudioParts => {
  const context = {
    currentTime: 10,
    destination: {} as AudioNode,
    state: 'running',
    resume: () => Promise.resolve(),
    createOscillator: () => {
      const note: Scheduled = { type: '', hz: 0, start: 0, stop: 0, peak: 0 };
      scheduled.push(note);
      return {
        set type(value: string) {
          note.type = value;
        },
        frequency: {
          set value(hz: number) {
            note.hz = hz;
          },
        },
        connect: () => undefined,
        start: (at: number) => {
          note.start = at;
        },
        stop: (at: number) => {
          note.stop = at;
        },
      } as unknown as OscillatorNode;
    },
    createGain: () =>
      ({
        gain: {
          setValueAtTime: () => undefined,
          linearRampToValueAtTime: (value: number) => {
            const last = scheduled.at(-1);
            if (last) last.peak = Math.max(last.peak, value);
          },
        },
        connect: () => undefined,
      }) as unknown as GainNode,
  };
  return context;
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the sound player', () => {
  it('schedules a cue’s notes back to back, each at its level times the volume', () => {
    const scheduled: Scheduled[] = [];
    const player = createSoundPlayer(
      () => fakeContext(scheduled),
      () => null,
    );
    player.play('success', 0.5);
    expect(scheduled.map((n) => n.hz)).toEqual(cues.success.map((n) => n.hz));
    expect(scheduled[0]?.start).toBe(10);
    expect(scheduled[1]?.start).toBeCloseTo(10.11);
    expect(scheduled[2]?.stop).toBeCloseTo(10.48);
    expect(scheduled.map((n) => n.peak)).toEqual([0.3, 0.3, 0.3]);
  });

  it('plays nothing, and makes no audio context, at gain 0', () => {
    const makeContext = vi.fn(() => fakeContext([]));
    const player = createSoundPlayer(makeContext, () => null);
    player.play('click', 0);
    expect(makeContext).not.toHaveBeenCalled();
  });

  it('starts a clip after its delay, and a new clip cuts off one still waiting or playing', () => {
    const played: string[] = [];
    let pauses = 0;
    const element: ClipElement = {
      src: '',
      volume: 1,
      play() {
        played.push(`${this.src}@${this.volume}`);
        return Promise.resolve();
      },
      pause: () => {
        pauses += 1;
      },
    };
    const player = createSoundPlayer(
      () => null,
      () => element,
    );
    player.say({ path: 'speech/en/success-one.ogg', gain: 0.36, afterMs: 480 });
    vi.advanceTimersByTime(479);
    player.say({ path: 'speech/en/start.ogg', gain: 0.36, afterMs: 0 });
    vi.advanceTimersByTime(1000);
    expect(played).toEqual(['speech/en/start.ogg@0.36']);
    expect(pauses).toBe(2);
  });

  it('never throws when the platform refuses to play', async () => {
    let tries = 0;
    const element: ClipElement = {
      src: '',
      volume: 1,
      play: () => {
        tries += 1;
        return Promise.reject(new Error('NotAllowedError'));
      },
      pause: () => undefined,
    };
    const player = createSoundPlayer(
      () => null,
      () => element,
    );
    player.say({ path: 'speech/en/start.ogg', gain: 1, afterMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    // It was tried, refused, and the refusal went nowhere (vitest fails a run on an unhandled rejection).
    expect(tries).toBe(1);
  });
});

describe('masterGain', () => {
  it.each([
    [0, false, 0],
    [100, false, 1],
    [50, false, 0.25],
    [100, true, 0],
    [150, false, 1],
  ])('volume %i, muted %s → %f', (volume, muted, gain) => {
    expect(masterGain(volume, muted)).toBe(gain);
  });
});
