import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { faceAssets } from './build/vite-face-assets.js';

// The renderer, built once and loaded by Electron (file://) and by browser mode (127.0.0.1).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), faceAssets()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
});
