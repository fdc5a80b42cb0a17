import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { rendererConfig } from '../../../renderer/vite.config';

// The blank page is built with the renderer's own build settings (target, minify), so only the page differs.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { ...rendererConfig.build, emptyOutDir: true },
});
