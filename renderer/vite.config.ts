import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The renderer build, shared by the web host (dist/renderer) and electron-vite (out/renderer). */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        // React in one long-cached chunk. antd is deliberately not a manual chunk: each lazily loaded
        // page (app/lazy-page.tsx) brings only the antd components it uses, so the sign-in page does
        // not download the tables, date pickers and uploads of the feature pages.
        manualChunks: {
          react: ['react', 'react-dom', 'react-dom/client', 'react-router'],
        },
        // Fold the many tiny shared chunks (a hook, an icon, a contract) into neighbours: about half
        // the requests per page, same bytes.
        experimentalMinChunkSize: 10_000,
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:5170' },
  },
});
