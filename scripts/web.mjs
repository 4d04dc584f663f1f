// npm run web: build the UI, then start the platform serving it at http://127.0.0.1:5170
// with the demo sandbox in ./.data/web (seeding is idempotent, so restarts keep your data).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureServerBundle } from './server-bundle.mjs';

const port = process.env.PORT ?? '5170';
const data = process.env.SHANGTONG_DATA ?? '.data/web';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (process.env.SKIP_BUILD !== '1' || !existsSync('dist/renderer/index.html')) {
  const build = spawnSync(npm, ['run', 'build:web'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// The compiled server (out/server/main.js), rebuilt when its sources changed.
const args = [
  await ensureServerBundle(),
  '--port',
  port,
  '--data',
  data,
  '--seed',
  'demo',
  '--web',
  'dist/renderer',
];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
