import { defineConfig } from 'vite';

// Builds preview.html (the app with a mocked backend) into dist-preview, apart from the real bundle.
export default defineConfig({
  base: './',
  // The window freezes Object.prototype; tslib's __extends breaks under that (see the file).
  resolve: { alias: [{ find: /^tslib$/, replacement: decodeURIComponent(new URL('./src/lib/tslibFrozenSafe.ts', import.meta.url).pathname) }] },
  build: {
    outDir: 'dist-preview',
    emptyOutDir: true,
    rollupOptions: {
      input: 'preview.html',
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4319, strictPort: true },
});
