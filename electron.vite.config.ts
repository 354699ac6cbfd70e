import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * Marks the scripts the first page needs (the entry and what it imports) for V8 to compile whole as
 * they load (Chromium's `//# allFunctionsCalledOnLoad` compile hint): their compiled code then goes
 * into the browser's code cache with them, and a reload no longer compiles the console's functions
 * one by one while it renders (about a third of the first render). Pages loaded on demand stay lazy.
 */
function compileHints(): Plugin {
  return {
    name: 'compile-hints',
    apply: 'build',
    // On the written files: vite rewrites the entry chunk's code after the bundle hooks (its preload helper).
    writeBundle(options, bundle) {
      const imports = new Map<string, string[]>();
      for (const c of Object.values(bundle)) if (c.type === 'chunk') imports.set(c.fileName, c.imports);
      const firstLoad = new Set<string>();
      const visit = (name: string) => {
        if (firstLoad.has(name)) return;
        firstLoad.add(name);
        for (const i of imports.get(name) ?? []) visit(i);
      };
      for (const c of Object.values(bundle)) if (c.type === 'chunk' && c.isEntry) visit(c.fileName);
      for (const name of firstLoad) {
        const file = join(options.dir ?? '', name);
        writeFileSync(file, `//# allFunctionsCalledOnLoad\n${readFileSync(file, 'utf8')}`);
      }
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
    plugins: [react(), formFonts(), compileHints()],
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
