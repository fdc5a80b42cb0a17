import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { rendererConfig } from '../../../renderer/vite.config';

const bridgeEntry = fileURLToPath(new URL('../bridge/page-bridge.ts', import.meta.url));

/** Where `npm run build:renderer` writes, and what the e2e test serves. */
export const rendererOutDir = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

const isChunk = (item: Rolldown.OutputChunk | Rolldown.OutputAsset): item is Rolldown.OutputChunk =>
  item.type === 'chunk';

/** Builds the renderer exactly as `npm run build:renderer` does (same config object), quietly. */
export const buildRenderer = async (): Promise<void> => {
  await build({ ...rendererConfig, configFile: false, logLevel: 'warn' });
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
