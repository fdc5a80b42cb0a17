import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './renderer/vite.config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Main and preload are bundled to CommonJS for Electron; native modules stay external (asar-unpacked).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      lib: { entry: resolve(root, 'electron/main/index.ts') },
    },
  },
  preload: {
    // A sandboxed preload can only require('electron'): everything else must be bundled into it.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: { external: ['electron'] },
      lib: { entry: resolve(root, 'electron/preload/index.ts') },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
