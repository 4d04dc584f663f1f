import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLoopbackUrl, parsePublicUrl } from './start-checks';

type Run = { code: number | null; out: string };

/** Starts `npm run server` (tsx server/main.ts) and resolves with its exit code and output. */
const startServer = (
  args: string[],
  env: NodeJS.ProcessEnv = {},
  onReady?: (url: string, stop: () => void) => void,
): Promise<Run> =>
  new Promise((resolve) => {
    const dir = mkdtempSync(join(tmpdir(), 'st-start-'));
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--quiet', '--port', '0', '--data', dir, ...args],
      { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const take = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m && onReady) {
        const ready = onReady;
        onReady = undefined;
        ready(m[1]!, () => child.kill('SIGTERM'));
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, out });
    });
  });

describe('the public URL and host are checked before anything starts', () => {
  it('accepts absolute http(s) URLs (origin only) and refuses anything else', () => {
    expect(parsePublicUrl('http://192.168.1.20:5170/')).toBe('http://192.168.1.20:5170');
    expect(parsePublicUrl('https://shangtong.example.cn')).toBe('https://shangtong.example.cn');
    expect(() => parsePublicUrl('192.168.1.20:5170')).toThrow(/http/);
    expect(() => parsePublicUrl('/relative')).toThrow(/absolute/);
    expect(() => parsePublicUrl('ftp://host')).toThrow(/http/);
    expect(isLoopbackUrl('http://127.0.0.1:5170')).toBe(true);
    expect(isLoopbackUrl('http://localhost:5170')).toBe(true);
    expect(isLoopbackUrl('http://192.168.1.20:5170')).toBe(false);
  });

  it('exits non-zero with a clear message for a bad public URL, an unbindable host, a missing database', async () => {
    const [badUrl, badHost, noDb] = await Promise.all([
      startServer(['--public-url', 'phone-please']),
      startServer(['--host', '203.0.113.77']),
      startServer([], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/st_no_such_database_i12' }),
    ]);
    expect(badUrl.code).toBe(1);
    expect(badUrl.out).toContain('is not an absolute URL');
    expect(badHost.code).toBe(1);
    expect(badHost.out).toContain('Cannot listen on host 203.0.113.77');
    expect(badHost.out).not.toContain('listening on');
    expect(noDb.code).toBe(1);
    expect(noDb.out).toMatch(/does not exist|Cannot reach the database/);
  }, 60_000);

  it('drains on SIGTERM even with an event stream open, and warns that loopback links do not reach phones', async () => {
    const run = await startServer(['--seed', 'demo'], {}, (url, stop) => {
      void (async () => {
        const signIn = await fetch(`${url}/api/v1/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: '13800000002', password: 'Demo@2026' }),
        });
        const { token } = (await signIn.json()) as { token: string };
        const stream = await fetch(`${url}/api/v1/events`, { headers: { authorization: `Bearer ${token}` } });
        const reader = stream.body!.getReader();
        await reader.read();
        stop();
        // The server ends the stream as it shuts down.
        while (!(await reader.read()).done);
      })();
    });
    expect(run.code).toBe(0);
    expect(run.out).toContain('phones cannot open');
  }, 90_000);
});
