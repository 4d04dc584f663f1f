import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { childArgs, childEnv, PlatformStartError, waitForReady, type Timers } from './platform-protocol';

class FakeChild extends EventEmitter {
  killed = false;
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

/** Timers the test fires by hand. */
const manualTimers = () => {
  const pending = new Set<() => void>();
  const timers: Timers = {
    setTimeout: (fn) => {
      pending.add(fn);
      return fn;
    },
    clearTimeout: (handle) => pending.delete(handle as () => void),
  };
  return { timers, fire: () => [...pending].forEach((fn) => fn()), pendingCount: () => pending.size };
};

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformStartError);
  return (error as PlatformStartError).failure;
};

describe('waitForReady', () => {
  it('resolves with the origin from the ready message and cancels the timeout', async () => {
    const child = new FakeChild();
    const { timers, pendingCount } = manualTimers();
    const ready = waitForReady(child, 60_000, timers);
    child.emit('message', { type: 'log', text: 'initdb…' });
    child.emit('message', 'noise');
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:43210' });
    await expect(ready).resolves.toBe('http://127.0.0.1:43210');
    expect(pendingCount()).toBe(0);
    child.emit('exit', 0);
    expect(child.killed).toBe(false);
  });

  it('times out, kills the silent child and says how long it waited', async () => {
    const child = new FakeChild();
    const { timers, fire } = manualTimers();
    const ready = waitForReady(child, 60_000, timers);
    fire();
    expect(await failureOf(ready)).toEqual({ reason: 'timeout', timeoutMs: 60_000 });
    expect(child.killed).toBe(true);
  });

  it('fails when the child exits before it is ready', async () => {
    const child = new FakeChild();
    const ready = waitForReady(child, 60_000, manualTimers().timers);
    child.emit('exit', 1);
    expect(await failureOf(ready)).toEqual({ reason: 'exited', code: 1 });
  });

  it('passes on the reason the child reports', async () => {
    const child = new FakeChild();
    const ready = waitForReady(child, 60_000, manualTimers().timers);
    child.emit('message', { type: 'failed', message: 'locked', code: 'DataFolderLockedError' });
    expect(await failureOf(ready)).toEqual({
      reason: 'failed',
      message: 'locked',
      code: 'DataFolderLockedError',
    });
  });

  it.each([
    'http://0.0.0.0:43210',
    'http://evil.example:43210',
    'https://127.0.0.1:43210',
    'http://127.0.0.1.evil.example:1',
  ])('refuses and stops a child reporting %s', async (url) => {
    const child = new FakeChild();
    const ready = waitForReady(child, 60_000, manualTimers().timers);
    child.emit('message', { type: 'ready', url });
    expect(await failureOf(ready)).toEqual({ reason: 'bad-address', url });
    expect(child.killed).toBe(true);
  });

  it('works with real timers', async () => {
    vi.useFakeTimers();
    try {
      const child = new FakeChild();
      const ready = waitForReady(child, 1000);
      vi.advanceTimersByTime(1000);
      expect((await failureOf(ready)).reason).toBe('timeout');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('childArgs', () => {
  it('speaks the platform CLI vocabulary and seeds only when asked', () => {
    expect(
      childArgs({ dataDir: '/u/platform', webRoot: '/app/out/renderer', port: 0, seedDemo: true }),
    ).toEqual(['--data', '/u/platform', '--web', '/app/out/renderer', '--port', '0', '--seed', 'demo']);
    expect(childArgs({ dataDir: '/d', webRoot: '/w', port: 5170, seedDemo: false })).not.toContain('--seed');
  });
});

describe('childEnv', () => {
  it('passes OS basics and our settings, never the user’s database or key settings', () => {
    const env = childEnv(
      {
        PATH: '/usr/bin',
        HOME: '/home/u',
        DATABASE_URL: 'postgres://elsewhere',
        SHANGTONG_DATA_KEY: 'x',
        NODE_OPTIONS: '--inspect',
      },
      { version: '1.2.3', migrationsDir: '/app/out/main/migrations' },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/u',
      NODE_ENV: 'production',
      SHANGTONG_VERSION: '1.2.3',
      SHANGTONG_MIGRATIONS_DIR: '/app/out/main/migrations',
      SHANGTONG_LOG_LEVEL: 'info',
    });
  });
});
