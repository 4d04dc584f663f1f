import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, webRoot } from './paths';

export type LaunchedPlatform = { url: string; process: ChildProcess; stop: () => Promise<void> };

/** The compiled server (`npm run server` runs the same file); global setup rebuilds it when outdated. */
export const serverBundle = join(repoRoot, 'out', 'server', 'main.js');

/**
 * Starts the platform CLI exactly as a user would (the compiled out/server/main.js) and waits for its ready line
 * (with `--seed demo`, also for the demo portraits, enrolled after listen).
 */
export const launchPlatform = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<LaunchedPlatform> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [serverBundle, '--port', '0', '--web', webRoot, '--quiet', ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    // A loaded shared machine may need longer (E2E_START_TIMEOUT_MS); the default stays one minute.
    const startMs = Number(process.env.E2E_START_TIMEOUT_MS ?? 60_000);
    const timer = setTimeout(
      () => reject(new Error(`platform did not start in ${startMs / 1000} s:\n${output}`)),
      startMs,
    );
    const demo = args.some((a, i) => a === 'demo' && args[i - 1] === '--seed');
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match && (!demo || output.includes('Demo portraits ready'))) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve({
          url: match[1]!,
          process: child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code}:\n${output}`));
    });
  });
