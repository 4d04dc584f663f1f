import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * `npm run test:cluster`: three compiled platform instances on one PostgreSQL database behind
 * nginx (e2e/cluster/cluster.ts). Needs `npm run build:web`, `npm run build:server`, nginx and
 * PostgreSQL (DATABASE_URL names the server; the cluster creates and drops a database of its own).
 */
export default defineConfig({
  ...base,
  globalSetup: undefined,
  testDir: '.',
  timeout: 240_000,
  projects: [{ name: 'cluster', testDir: '.', use: { browserName: 'chromium' } }],
});
