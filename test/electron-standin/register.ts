import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Loaded with `node --import tsx --import <this file> out/main/index.js`: makes `require('electron')` in the built
 * main bundle load the stand-in, and gives `process` what Electron's main process has (resourcesPath, the
 * versions.electron field). Nothing else about the app's own code or its dependencies is changed.
 */
const standin = pathToFileURL(new URL('./index.ts', import.meta.url).pathname).href;

registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'electron') return { url: standin, shortCircuit: true };
    return next(specifier, context);
  },
});

const resources = process.env.STANDIN_RESOURCES;
if (resources === undefined)
  throw new Error("stand-in: STANDIN_RESOURCES (the app's resources folder) is not set");
Object.defineProperty(process, 'resourcesPath', { value: resources, enumerable: true });
Object.defineProperty(process.versions, 'electron', {
  value: process.env.STANDIN_ELECTRON_VERSION ?? 'stand-in',
  enumerable: true,
});
Object.defineProperty(process, 'type', { value: 'browser', enumerable: true });
