import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../out/renderer', import.meta.url));

/**
 * The dev server injects <style> elements and opens a websocket for hot reload, which the production CSP
 * (index.html) forbids. Only while serving, widen exactly those two directives; the built files keep the
 * strict policy, and the end-to-end test loads the built files.
 */
const devServerCsp = (): Plugin => ({
  name: 'kiosk-dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
});

/** Shared with electron.vite.config.ts, so `npm run build:renderer` and the Electron build agree. */
export const rendererConfig: UserConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react(), devServerCsp()],
  // The React refresh preamble is an inline script; the CSP keeps script-src 'self', so no hot refresh.
  server: { hmr: false },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    // electron-vite leaves its builds unminified unless told: the renderer went out at 634 KB instead of 256 KB,
    // which the kiosk then parses on every start before its first paint.
    minify: true,
    cssMinify: true,
    sourcemap: false,
  },
};

export default defineConfig(rendererConfig);
