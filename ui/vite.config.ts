/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { cytoscapeFrozenSafe } from './src/lib/cytoscapeFrozenSafe';

// The app ships as static files loaded by the Tauri window (frontendDist = ui/dist, no dev
// server), so everything is bundled, relative to the page, and free of eval for the strict CSP.
export default defineConfig({
  base: './',
  // The window freezes Object.prototype: Cytoscape's extend helper is rewritten to cope (see the file).
  plugins: [cytoscapeFrozenSafe],
  // The window freezes Object.prototype; tslib's __extends breaks under that (see the file).
  resolve: { alias: [{ find: /^tslib$/, replacement: decodeURIComponent(new URL('./src/lib/tslibFrozenSafe.ts', import.meta.url).pathname) }] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // index.html only: preview.html (the mocked backend) never reaches the production bundle.
    rollupOptions: {
      input: 'index.html',
      onwarn(warning, warn) {
        // react-query marks its modules "use client" for server frameworks; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
