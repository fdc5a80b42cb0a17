import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  manifestPath,
  renderClip,
  speechDir,
  speechPlan,
  type SpeechLanguage,
} from '../../build/scripts/render-speech';
import { speechCues, speechPath } from '../../renderer/src/sound/speech-cues';

const has = (tool: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};
const canRender = has('espeak-ng') && has('opusenc');

type Manifest = { readonly clips: Record<SpeechLanguage, Record<string, string>> };
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
const languages = Object.keys(speechPlan()) as SpeechLanguage[];

/** An Ogg Opus file: the Ogg capture pattern first, Opus's identification header in the first page. */
const isOggOpus = (bytes: Buffer): boolean =>
  bytes.subarray(0, 4).toString('latin1') === 'OggS' && bytes.subarray(0, 200).includes('OpusHead');

describe('the spoken prompts', () => {
  it('were rendered from the sentences the string tables hold now (run `npm run speech` after changing one)', () => {
    expect(manifest.clips).toEqual(speechPlan());
  });

  it.each(languages.flatMap((language) => speechCues.map((cue) => [language, cue] as const)))(
    '%s %s is a small Ogg Opus clip the page can play',
    (language, cue) => {
      const bytes = readFileSync(join(speechDir, speechPath(language, cue)));
      expect(isOggOpus(bytes)).toBe(true);
      // A few seconds at 24 kb/s: a clip far outside this is silence or a runaway render.
      expect(bytes.length).toBeGreaterThan(4_000);
      expect(bytes.length).toBeLessThan(48_000);
    },
  );

  it.runIf(canRender)(
    'renders the same bytes as the committed clip, so the clips are exactly the tool’s',
    () => {
      const work = mkdtempSync(join(tmpdir(), 'speech-test-'));
      try {
        for (const language of languages) {
          const committed = join(speechDir, speechPath(language, 'start'));
          const fresh = join(work, language, 'start.ogg');
          renderClip(speechPlan()[language].start, language, fresh, committed);
          expect(isOggOpus(readFileSync(fresh))).toBe(true);
          expect(readFileSync(fresh).equals(readFileSync(committed))).toBe(true);
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  );
});
