import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';
import { hashToken } from '../security/tokens';
import { resolveActor, sessionCacheOf } from './session';
import { SessionCache } from './session-cache';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const me = async (token: string): Promise<number> =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: t.auth(token) })).statusCode;

describe('session cache', () => {
  it('serves a known session from memory, without a statement', async () => {
    const token = await t.signIn('wang');
    expect(await me(token)).toBe(200);
    expect(sessionCacheOf(t.ctx).get(hashToken(token), t.ctx.now())).toBeDefined();
  });

  it('refuses a signed-out session at once, while the other session stays', async () => {
    const a = await t.signIn('wang');
    const b = await t.signIn('wang');
    expect(await me(a)).toBe(200);
    expect(await me(b)).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: t.auth(a) });
    expect(await me(a)).toBe(401);
    expect(await me(b)).toBe(200);
  });

  it('refuses every session of the account at once after sign-out-all', async () => {
    const a = await t.signIn('li');
    const b = await t.signIn('li');
    expect(await me(a)).toBe(200);
    expect(await me(b)).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-all', headers: t.auth(b) });
    expect(await me(a)).toBe(401);
    expect(await me(b)).toBe(401);
  });

  it('drops cached sessions when the fan-out announces a change (lock, delegation revoke)', async () => {
    const token = await t.signIn('sun');
    expect(await me(token)).toBe(200);
    const actor = await resolveActor(t.ctx, token);
    const dropped = new Promise<void>((resolve) => {
      const stop = t.ctx.bus.onSessionsEnded(() => {
        stop();
        resolve();
      });
    });
    await t.ctx.bus.sessionsChanged({ personId: actor!.personId });
    await dropped;
    expect(sessionCacheOf(t.ctx).get(hashToken(token), t.ctx.now())).toBeUndefined();
    // The session itself is still valid: the next request reads it again.
    expect(await me(token)).toBe(200);
  });

  it('a lookup that raced a drop does not store its row', () => {
    const cache = new SessionCache();
    const actor = { accountId: 'a', personId: 'p', sessionId: 's', name: 'n', role: 'user' as const };
    const mark = cache.mark();
    cache.drop({ personId: 'p', sessionId: 's' });
    cache.set('h', actor, new Date(Date.now() + 60_000), mark);
    expect(cache.get('h', new Date())).toBeUndefined();
  });

  it('never serves a session past its expiry', () => {
    const cache = new SessionCache();
    const actor = { accountId: 'a', personId: 'p', sessionId: 's', name: 'n', role: 'user' as const };
    const expires = new Date(Date.now() + 60_000);
    cache.set('h', actor, expires, cache.mark());
    expect(cache.get('h', new Date(expires.getTime() + 1))).toBeUndefined();
  });
});
