import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { rendererConfig } from '../../../renderer/vite.config';

const bridgeEntry = fileURLToPath(new URL('../bridge/page-bridge.ts', import.meta.url));

const isChunk = (item: Rolldown.OutputChunk | Rolldown.OutputAsset): item is Rolldown.OutputChunk =>
  item.type === 'chunk';

/**
 * Builds the renderer exactly as `npm run build:renderer` does (same config object), quietly, into a fresh folder
 * of its own, and answers that folder. Its own, because the e2e files run side by side: building into one shared
 * `out/renderer` let one file's build empty the folder while the other's page was loading fonts from it.
 */
export const buildRenderer = async (): Promise<string> => {
  const outDir = mkdtempSync(join(tmpdir(), 'kiosk-renderer-'));
  await build({
    ...rendererConfig,
    configFile: false,
    logLevel: 'warn',
    build: { ...rendererConfig.build, outDir, emptyOutDir: true },
  });
  return outDir;
};

/** Bundles one browser-side entry into a single classic script (IIFE), with the renderer's bundler, in memory. */
export const bundleClassicScript = async (entry: string, name: string): Promise<string> => {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      target: 'chrome120',
      lib: { entry, formats: ['iife'], name, fileName: () => `${name}.js` },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const result of outputs) {
    if (!('output' in result)) continue;
    const chunk = result.output.find(isChunk);
    if (chunk) return chunk.code;
  }
  throw new Error(`the ${name} bundle produced no script`);
};

/** The page-side bridge (contract + binding glue) as one classic script for addInitScript. */
export const bundlePageBridge = (): Promise<string> => bundleClassicScript(bridgeEntry, 'kioskPageBridge');
