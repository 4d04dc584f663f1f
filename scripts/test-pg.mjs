// Runs the server suite against PostgreSQL (a fresh database per test file).
import { spawnSync } from 'node:child_process';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'server'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
});
process.exit(result.status ?? 1);
