/**
 * electron-vite build of the desktop app (runs without the Electron binary):
 *   out/main/index.js            main process (ESM)             ← electron/main.ts
 *   out/main/platform-child.js   embedded platform, utility proc ← electron/platform-child.ts
 *   out/main/migrations/         drizzle migrations, found next to the bundled server code
 *   out/preload/preload.cjs      sandboxed preload (CommonJS)   ← electron/preload.ts
 *   out/renderer/                the UI (renderer/vite.config.ts, other output folder)
 * Runtime dependencies (PGlite and its WASM, Fastify, drizzle, pdfkit, human…) stay external and
 * are loaded from node_modules, which electron-builder packs with the app.
 */
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import rendererConfig from './renderer/vite.config';

const path = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** server/db/open.ts finds migrations next to its own module; in the bundle that is out/main. */
const copyMigrations = (): Plugin => ({
  name: 'shangtong:copy-migrations',
  apply: 'build',
  closeBundle() {
    const target = path('./out/main/migrations');
    rmSync(target, { recursive: true, force: true });
    cpSync(path('./server/db/migrations'), target, { recursive: true });
  },
});

export default defineConfig({
  main: {
    // Dependencies stay external (electron-vite's build.externalizeDeps, on by default).
    plugins: [copyMigrations()],
    build: {
      outDir: path('./out/main'),
      rolldownOptions: {
        input: {
          index: path('./electron/main.ts'),
          'platform-child': path('./electron/platform-child.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    // Sandboxed preloads cannot require anything but electron: bundle everything else.
    build: {
      outDir: path('./out/preload'),
      rolldownOptions: {
        input: { preload: path('./electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // The web build's settings (root renderer/, React, chunks), written to out/renderer instead.
  renderer: mergeConfig(rendererConfig, {
    build: { outDir: path('./out/renderer'), rolldownOptions: { input: path('./renderer/index.html') } },
  }),
});
