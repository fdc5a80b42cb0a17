import { compileByteMatcher, type ByteMatcher } from './byte-matcher';
import { CONFIRM_WINDOW, type Needle } from './package-needles';

/** One file's bytes, read in pieces: a file on disk or an entry of an asar archive. */
export type ContentSource = {
  /** As shown in a problem: relative to the package, `resources/app.asar/out/x` for an archive entry. */
  readonly path: string;
  readonly size: number;
  read(offset: number, length: number): Promise<Buffer>;
};

export type ContentScanner = {
  /** One problem line per credential (by label) or kind of key material found in the file. */
  scan(source: ContentSource): Promise<string[]>;
};

/** Large enough that the per-call overhead vanishes, small enough to keep a 200 MB binary out of memory. */
const CHUNK = 4 * 1024 * 1024;

/** Latin-1 keeps one character per byte, so offsets into the text are offsets into the file. */
const text = (bytes: Buffer): string => bytes.toString('latin1');

const problemFor = (needle: Needle): string =>
  needle.kind === 'credential'
    ? `contains the ${needle.label} (${needle.spelling})`
    : `contains ${needle.what}`;

/**
 * Runs every needle over a file in one pass. A credential hit is a finding at once; a key-material hit is only a
 * candidate until its surroundings are read back and confirmed (rare: a few per package at most).
 */
export const createContentScanner = (needles: readonly Needle[]): ContentScanner => {
  const matcher: ByteMatcher = compileByteMatcher(needles.map((n) => n.bytes));
  return {
    async scan(source) {
      const found = new Set<string>();
      const candidates: { needle: Needle; end: number }[] = [];
      let state = matcher.start;
      for (let offset = 0; offset < source.size; offset += CHUNK) {
        const chunk = await source.read(offset, Math.min(CHUNK, source.size - offset));
        state = matcher.scan(chunk, state, (index, end) => {
          const needle = needles[index];
          if (needle === undefined) return;
          if (needle.kind === 'credential') found.add(problemFor(needle));
          // Bounded, so a file that merely repeats the text cannot hold the check up.
          else if (candidates.length < 1000) candidates.push({ needle, end: offset + end });
        });
      }
      for (const { needle, end } of candidates) {
        if (needle.kind !== 'key-material' || found.has(problemFor(needle))) continue;
        const from = Math.max(0, end - CONFIRM_WINDOW);
        const around = text(await source.read(from, Math.min(source.size, end + CONFIRM_WINDOW) - from));
        if (needle.confirm(around.slice(0, end - from), around.slice(end - from)))
          found.add(problemFor(needle));
      }
      return [...found].map((problem) => `${source.path}: ${problem}`);
    },
  };
};
