import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer alone, for serve mode and the E2E tests (Electron builds it via electron.vite.config.ts).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 1500,
  },
});
