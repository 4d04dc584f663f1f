import { describe, expect, it, vi } from 'vitest';
import { guardedHandler, IpcRefusedError } from './ipc-guard';
import { IpcArgs } from './ipc-schemas';

const APP = 'http://127.0.0.1:5170';
const fromApp = { senderFrame: { url: `${APP}/inbox`, parent: null } };
const fromIframe = { senderFrame: { url: 'https://evil.example/', parent: { url: APP, parent: null } } };
const fromElsewhere = { senderFrame: { url: 'http://127.0.0.1.evil.example:5170/', parent: null } };

describe('guardedHandler', () => {
  it('runs the handler with parsed arguments for the app main frame', async () => {
    const handler = vi.fn((title: string, body: string) => `${title}|${body}`);
    const wrapped = guardedHandler('notify', IpcArgs.notify, () => APP, handler);
    await expect(wrapped(fromApp, '待办', '新的授权请求')).resolves.toBe('待办|新的授权请求');
    expect(handler).toHaveBeenCalledWith('待办', '新的授权请求');
  });

  it.each([
    ['a cross-origin iframe', fromIframe],
    ['a look-alike origin', fromElsewhere],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s without running the handler', async (_name, event) => {
    const handler = vi.fn();
    const wrapped = guardedHandler('get', IpcArgs.none, () => APP, handler);
    await expect(wrapped(event)).rejects.toMatchObject({ reason: 'untrusted-sender' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses every sender while the app origin is unknown', async () => {
    const wrapped = guardedHandler('get', IpcArgs.none, () => null, vi.fn());
    await expect(wrapped(fromApp)).rejects.toBeInstanceOf(IpcRefusedError);
  });

  it.each([
    ['a missing argument', []],
    ['an extra argument', ['x', 'y', 'z']],
    ['a wrong type', [1, 'body']],
    ['an object posing as a string', [{ toString: () => 'x' }, 'body']],
    ['an empty title', ['', 'body']],
    ['an oversized body', ['title', 'x'.repeat(1001)]],
  ])('refuses %s', async (_name, args) => {
    const handler = vi.fn();
    const wrapped = guardedHandler('notify', IpcArgs.notify, () => APP, handler);
    await expect(wrapped(fromApp, ...args)).rejects.toMatchObject({ reason: 'invalid-arguments' });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('IPC argument schemas', () => {
  it('accept a session token or null, and refuse control characters and huge tokens', () => {
    expect(IpcArgs.setSessionToken.safeParse(['nGHZPxNN0hludFmMmi5dHjuiiRaoEB6sXDQLJQLnSCo']).success).toBe(
      true,
    );
    expect(IpcArgs.setSessionToken.safeParse([null]).success).toBe(true);
    expect(IpcArgs.setSessionToken.safeParse(['a\nb']).success).toBe(false);
    expect(IpcArgs.setSessionToken.safeParse(['a'.repeat(5000)]).success).toBe(false);
    expect(IpcArgs.setSessionToken.safeParse([]).success).toBe(false);
  });

  it('accept exactly the preference fields', () => {
    expect(IpcArgs.setPreferences.safeParse([{ lang: 'en', elderMode: true }]).success).toBe(true);
    expect(IpcArgs.setPreferences.safeParse([{ lang: 'fr', elderMode: true }]).success).toBe(false);
    expect(IpcArgs.setPreferences.safeParse([{ lang: 'zh', elderMode: false, __proto__x: 1 }]).success).toBe(
      false,
    );
  });
});
