// npm run web [-- --host <address> --public-url <url> --port <port>]: build the UI, then start the
// platform serving it (default http://127.0.0.1:5170) with the demo sandbox in ./.data/web (seeding is
// idempotent, so restarts keep your data). Env equivalents: PORT, SHANGTONG_HOST, SHANGTONG_PUBLIC_URL.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureServerBundle } from './server-bundle.mjs';
import { parseArgs } from 'node:util';

const { values: cli } = parseArgs({
  options: { host: { type: 'string' }, 'public-url': { type: 'string' }, port: { type: 'string' } },
  strict: true,
});

const port = cli.port ?? process.env.PORT ?? '5170';
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
  ...(cli.host ? ['--host', cli.host] : []),
  ...(cli['public-url'] ? ['--public-url', cli['public-url']] : []),
];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
// Stopping this script stops the platform: the signal is passed on, and a platform that has not
// drained within 15 s is killed, so no server is left running behind a stopped `npm run web`.
const stop = (signal) => {
  child.kill(signal);
  setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// `npm run web` runs this script under `sh -c`; a SIGTERM to npm ends that shell without passing the
// signal on, and this script is re-parented. Node has no parent-death signal, so the parent is watched.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  stop('SIGTERM');
}, 500);
watch.unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
