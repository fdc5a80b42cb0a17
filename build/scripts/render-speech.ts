/**
 * Renders every spoken sentence of both languages to Ogg Opus clips under renderer/public/speech/, with
 * espeak-ng (the voice) and opusenc (24 kb/s mono), and writes the manifest the tests compare against the string
 * tables. Run `npm run speech` after changing a sentence: the clips are committed, so neither `npm start` nor a
 * package build needs either tool. Needs `apt-get install espeak-ng opus-tools`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-cn';
import { speechCues, speechPath, type SpeechCue } from '../../renderer/src/sound/speech-cues';

export type SpeechLanguage = 'en' | 'zh-CN';

/** espeak-ng's voice and rate per language: Mandarin reads slower at the same rate, so it gets a faster one. */
const voices: Readonly<Record<SpeechLanguage, readonly string[]>> = {
  en: ['-v', 'en-us', '-s', '150'],
  'zh-CN': ['-v', 'cmn', '-s', '170'],
};

export const speechDir = fileURLToPath(new URL('../../renderer/public/', import.meta.url));
export const manifestPath = join(speechDir, 'speech', 'manifest.json');

/** The sentences to render, per language and cue, straight from the string tables. */
export const speechPlan = (): Record<SpeechLanguage, Record<SpeechCue, string>> => ({
  en: { ...en.speech },
  'zh-CN': { ...zhCN.speech },
});

/**
 * One sentence to one clip. The Ogg stream's serial number is derived from the clip's name (`nameFor`, the file
 * itself unless told), so rendering the same sentence twice gives the same bytes and an unchanged clip no diff.
 */
export const renderClip = (
  text: string,
  language: SpeechLanguage,
  outFile: string,
  nameFor: string = outFile,
): void => {
  const work = mkdtempSync(join(tmpdir(), 'kiosk-speech-'));
  try {
    const wav = join(work, 'clip.wav');
    execFileSync('espeak-ng', [...voices[language], '-w', wav, text], { stdio: 'pipe' });
    // A 32-bit hash of the clip's relative path (plain ASCII, so UTF-16 units are its characters).
    const name = relative(speechDir, nameFor);
    let serial = 7;
    for (let i = 0; i < name.length; i++) serial = (serial * 31 + name.charCodeAt(i)) >>> 0;
    mkdirSync(dirname(outFile), { recursive: true });
    execFileSync(
      'opusenc',
      ['--quiet', '--bitrate', '24', '--downmix-mono', '--serial', String(serial), wav, outFile],
      { stdio: 'pipe' },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

const main = (): void => {
  const plan = speechPlan();
  for (const language of Object.keys(plan) as SpeechLanguage[]) {
    for (const cue of speechCues)
      renderClip(plan[language][cue], language, join(speechDir, speechPath(language, cue)));
  }
  const espeak =
    execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' }).trim().split('  ')[0] ?? 'espeak-ng';
  writeFileSync(
    manifestPath,
    `${JSON.stringify({ voice: espeak, bitrateKbps: 24, clips: plan }, null, 2)}\n`,
  );
  process.stdout.write(
    `rendered ${speechCues.length * Object.keys(plan).length} clips to ${dirname(manifestPath)}\n`,
  );
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
