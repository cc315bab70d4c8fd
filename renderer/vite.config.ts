/**
 * Builds the renderer into `out/renderer` with relative asset paths (`base: './'`), so the
 * Electron window and the end-to-end tests can load it from any origin. No dev server features are
 * needed at run time; the CSP in index.html allows only scripts and styles from the bundle itself.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // Inlined assets would need `data:` scripts/styles in the CSP; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
