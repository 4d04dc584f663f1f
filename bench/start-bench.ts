// Start-up timings of the platform CLI beside their floor: a bare Node process that opens the same
// PGlite data folder. Every figure is a fresh process timed from spawn to its ready line.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export type Started = { url: string; ms: number; pid: number; stop: () => Promise<void> };

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** Spawns `node <args>` and resolves when its output matches `ready`. */
export const spawnUntil = (args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}): Promise<Started> =>
  new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let done = false;
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = ready.exec(out);
      if (m && !done) {
        done = true;
        resolve({
          url: m[1] ?? '',
          ms: performance.now() - t0,
          pid: child.pid ?? 0,
          stop: () =>
            new Promise((finish) => {
              if (child.exitCode !== null) return finish();
              child.once('exit', () => finish());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => {
      if (!done) reject(new Error(`process exited ${code}: ${out.slice(-2000)}`));
    });
  });

/** The compiled CLI (out/server/main.js, built by bench/run.ts before the benches). */
export const startCompiled = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> =>
  spawnUntil([join('out', 'server', 'main.js'), '--port', '0', '--quiet', ...args], LISTENING, env);

/** The CLI from source under tsx, as `npm run server` started it before the compiled bundle. */
export const startTsx = (args: string[]): Promise<Started> =>
  spawnUntil(['--import', 'tsx', 'server/main.ts', '--port', '0', '--quiet', ...args], LISTENING);

const OPEN_FOLDER = `
import { PGlite } from '@electric-sql/pglite';
const client = await PGlite.create({ dataDir: process.argv[1] });
await client.query('select 1');
console.log('opened');
await client.close();
`;

/** The floor: Node starting and PGlite opening the data folder, nothing else. */
export const floorStart = async (dataDir: string): Promise<number> => {
  const run = await spawnUntil(['--input-type=module', '-e', OPEN_FOLDER, join(dataDir, 'pgdata')], /opened/);
  await run.stop();
  return run.ms;
};
