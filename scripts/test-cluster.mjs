// npm run test:cluster: builds what the cluster runs (the UI and the compiled server), then runs the
// Playwright cluster project (e2e/cluster): three instances on PostgreSQL behind nginx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildServerBundle } from './server-bundle.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (process.env.SKIP_BUILD !== '1' || !existsSync('dist/renderer/index.html')) {
  const web = spawnSync(npm, ['run', 'build:web'], { stdio: 'inherit' });
  if (web.status !== 0) process.exit(web.status ?? 1);
}
await buildServerBundle();
const result = spawnSync(
  process.execPath,
  [
    'node_modules/@playwright/test/cli.js',
    'test',
    '-c',
    'e2e/cluster/playwright.config.ts',
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
);
process.exit(result.status ?? 1);
