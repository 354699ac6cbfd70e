import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { CSP_NONCE_PLACEHOLDER } from './shared/security';

/** Copies the Noto Serif SC woff2 subsets the printed forms use (400 body, 700 titles) into the build. */
function formFonts(): Plugin {
  return {
    name: 'form-fonts',
    apply: 'build',
    closeBundle() {
      const from = resolve('node_modules/@fontsource/noto-serif-sc/files');
      const to = resolve('out/renderer/fonts/noto-serif-sc');
      mkdirSync(to, { recursive: true });
      for (const f of readdirSync(from))
        if (/-(400|700)-normal\.woff2$/.test(f)) copyFileSync(join(from, f), join(to, f));
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // electron-store is ESM-only and imports electron: bundle it; sqlite3 is native and stays external.
      externalizeDeps: { exclude: ['electron-store', 'conf', 'dot-prop', 'env-paths'] },
      rollupOptions: {
        input: { index: resolve('electron/main/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot load ESM or node_modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), formFonts()],
    // Script and style tags and the csp-nonce meta carry a placeholder each host replaces per load.
    html: { cspNonce: CSP_NONCE_PLACEHOLDER },
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // Production builds ship minified; pages.tsx splits the rarely used pages into their own chunks.
      minify: true,
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
