import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe';
import { describeWithBrowserTools } from './helpers/browser-tools';
import { buildRenderer, bundlePageBridge } from './helpers/bundles';
import { boundaryContrasts } from './helpers/non-text-contrast';
import {
  languages,
  launchScreenRig,
  orientations,
  type Orientation,
  type ScreenRig,
} from './helpers/screen-rig';
import { screenStates } from './helpers/screen-states';
import { speechCues, speechPath } from '../../renderer/src/sound/speech-cues';
import { startStaticServer, type StaticServer } from './helpers/static-server';

const shotsDir = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));
const mainSource = readFileSync(
  fileURLToPath(new URL('../../renderer/src/main.tsx', import.meta.url)),
  'utf8',
);
/** The app ships its own CJK font once main.tsx imports it; from then on a zh-CN screen must use it. */
const bundlesCjkFont = mainSource.includes('@fontsource/noto-sans-sc');
/** The page's font list, typed by hand: the node tsconfig has no DOM types. */
type FontFacesGlobal = {
  readonly document: {
    readonly fonts: Iterable<{ readonly family: string; readonly status: string }> & {
      readonly ready: Promise<unknown>;
    };
  };
};
const allOrientations = Object.keys(orientations) as Orientation[];

describeWithBrowserTools(
  'every screen state: axe-core, non-text contrast, both languages and orientations',
  () => {
    let server: StaticServer | undefined;
    let builtDir: string | undefined;
    let rig: ScreenRig | undefined;

    beforeAll(async () => {
      mkdirSync(shotsDir, { recursive: true });
      const [bridgeScript, rendererOutDir] = await Promise.all([bundlePageBridge(), buildRenderer()]);
      builtDir = rendererOutDir;
      server = await startStaticServer(rendererOutDir);
      rig = await launchScreenRig({ origin: server.origin, bridgeScript, deviceScaleFactor: 1 });
    });

    afterAll(async () => {
      await rig?.close();
      await server?.close();
      if (builtDir !== undefined) rmSync(builtDir, { recursive: true, force: true });
    });

    const started = (): ScreenRig => {
      if (!rig) throw new Error('the screen rig did not start');
      return rig;
    };

    it.each(screenStates.map((state) => [state.name, state] as const))(
      '%s has no axe violations in either language or orientation',
      async (_name, state) => {
        const found: string[] = [];
        for (const language of languages) {
          for (const orientation of allOrientations) {
            const page = await started().open(state, language, orientation);
            try {
              expect(await page.locator('.app').getAttribute('lang')).toBe(language);
              found.push(...(await axeViolations(page)).map((line) => `${language}/${orientation}: ${line}`));
              await page.screenshot({ path: `${shotsDir}${state.name}.${language}.${orientation}.png` });
            } finally {
              await page.close();
            }
          }
        }
        expect(found).toEqual([]);
      },
      // Four pages a state; the maintenance states each hold the corner for 5 s on every one.
      90_000,
    );

    it('keys and code boxes stand out at least 3:1 from what is behind them', async () => {
      const typed = screenStates.find((state) => state.name === 'entry-typed');
      if (!typed) throw new Error('no entry-typed state');
      const page = await started().open(typed, 'en', 'portrait');
      try {
        const contrasts = await boundaryContrasts(page, ['.big-button', '.code-cell']);
        expect(contrasts.length).toBeGreaterThan(12);
        expect(contrasts.filter((item) => item.ratio < 3)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('the tap that wakes the attract screen presses nothing, even right where a key appears', async () => {
      const byName = (name: string) => {
        const state = screenStates.find((one) => one.name === name);
        if (!state) throw new Error(`no ${name} state`);
        return state;
      };
      for (const orientation of allOrientations) {
        // Where each key sits once the entry shows, measured on an entry page of the same size.
        const entry = await started().open(byName('entry-empty'), 'en', orientation);
        const keyBoxes = await Promise.all(
          ['0', '5', 'Clear'].map((name) =>
            entry.locator('.keypad').getByRole('button', { name, exact: true }).boundingBox(),
          ),
        );
        await entry.close();
        for (const box of keyBoxes) {
          if (box === null) throw new Error('a key is not on screen');
          const page = await started().open(byName('attract'), 'en', orientation);
          try {
            await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
            await page.locator('[data-screen="entry"]').waitFor({ timeout: 2000 });
            const code = await page.locator('[role="status"][data-code]').getAttribute('data-code');
            expect(`${orientation}: "${code ?? 'none'}"`).toBe(`${orientation}: ""`);
          } finally {
            await page.close();
          }
        }
      }
    });

    it('Chromium decodes every spoken prompt the app ships, from its own origin', async () => {
      const entry = screenStates.find((state) => state.name === 'entry-empty');
      if (!entry) throw new Error('no entry-empty state');
      const page = await started().open(entry, 'en', 'portrait');
      try {
        const paths = languages.flatMap((language) => speechCues.map((cue) => speechPath(language, cue)));
        // A string, not a function: the page has no DOM types here, and the bundler's helpers must stay out.
        // Decoded far enough to play through, or the media error's code. (An Ogg stream's duration is not known
        // before it is read to the end, so it is not what is checked.)
        const answers = await page.evaluate<string[]>(`Promise.all(${JSON.stringify(paths)}.map((path) =>
          new Promise((resolve) => {
            const audio = new Audio(path);
            audio.addEventListener('canplaythrough', () => resolve(path + ': plays'));
            audio.addEventListener('error', () => resolve(path + ': error ' + (audio.error ? audio.error.code : '?')));
          })))`);
        expect(answers).toEqual(paths.map((path) => `${path}: plays`));
      } finally {
        await page.close();
      }
    });

    it.runIf(bundlesCjkFont)('a zh-CN screen draws with the bundled Noto Sans SC', async () => {
      const entry = screenStates.find((state) => state.name === 'entry-empty');
      if (!entry) throw new Error('no entry-empty state');
      const page = await started().open(entry, 'zh-CN', 'portrait');
      try {
        // Faces load when text first needs them: wait for the page's fonts to settle, then count.
        const loaded = await page.evaluate(async () => {
          const { fonts } = (globalThis as unknown as FontFacesGlobal).document;
          await fonts.ready;
          return [...fonts].filter(
            (face) => face.family.replace(/"/g, '') === 'Noto Sans SC' && face.status === 'loaded',
          ).length;
        });
        expect(loaded).toBeGreaterThan(0);
      } finally {
        await page.close();
      }
    });
  },
);
