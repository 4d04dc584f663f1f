import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { sessions } from '../../db/schema';
import { hashToken } from '../../security/tokens';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => t.close());

describe('GET /api/v1/events', () => {
  it('refuses an unauthenticated stream', async () => {
    const res = await fetch(`${base}/api/v1/events`);
    expect(res.status).toBe(401);
  });

  it('delivers events published for the signed-in person, and only theirs', async () => {
    const token = await t.signIn('li');
    const controller = new AbortController();
    const res = await fetch(`${base}/api/v1/events`, { headers: t.auth(token), signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (needle: string): Promise<void> => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += value;
      }
    };
    await readUntil('event: ready');
    const me = (await (await fetch(`${base}/api/v1/me`, { headers: t.auth(token) })).json()) as {
      person: { id: string };
    };
    await t.ctx.bus.publish('someone-else', { type: 'abnormal-list.removed', data: { companyId: 'secret' } });
    await t.ctx.bus.publish(me.person.id, { type: 'abnormal-list.removed', data: { companyId: 'd1' } });
    await readUntil('d1');
    expect(text).toContain('event: abnormal-list.removed\ndata: {"companyId":"d1"}');
    expect(text).not.toContain('secret');
    controller.abort();
  });

  it('ends an open stream at once on sign-out-all from another device, and refuses to reopen it', async () => {
    const phone = await t.signIn('wang');
    const desk = await t.signIn('wang');
    const res = await fetch(`${base}/api/v1/events`, { headers: t.auth(phone) });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('event: ready')) text += (await reader.read()).value ?? '';
    const out = await fetch(`${base}/api/v1/auth/sign-out-all`, { method: 'POST', headers: t.auth(desk) });
    expect(out.status).toBe(200);
    // The stream ends (no fixed wait: the read resolves when the server closes it).
    let done = false;
    while (!done) {
      const r = await reader.read();
      done = r.done;
      if (r.value) text += r.value;
    }
    expect(text).not.toContain('session.revoked');
    expect((await fetch(`${base}/api/v1/events`, { headers: t.auth(phone) })).status).toBe(401);
  });

  it('sign-out ends only this session’s stream', async () => {
    const a = await t.signIn('huang');
    const b = await t.signIn('huang');
    const ca = new AbortController();
    const sa = await fetch(`${base}/api/v1/events`, { headers: t.auth(a), signal: ca.signal });
    const sb = await fetch(`${base}/api/v1/events`, { headers: t.auth(b) });
    const ra = sa.body!.pipeThrough(new TextDecoderStream()).getReader();
    const rb = sb.body!.pipeThrough(new TextDecoderStream()).getReader();
    await ra.read();
    await rb.read();
    await fetch(`${base}/api/v1/auth/sign-out`, { method: 'POST', headers: t.auth(b) });
    let done = false;
    while (!done) done = (await rb.read()).done;
    const me = (await (await fetch(`${base}/api/v1/me`, { headers: t.auth(a) })).json()) as {
      person: { id: string };
    };
    t.ctx.bus.publish(me.person.id, { type: 'abnormal-list.removed', data: { companyId: 'still-open' } });
    let text = '';
    while (!text.includes('still')) text += (await ra.read()).value ?? '';
    expect(text).toContain('"companyId":"still-open"');
    ca.abort();
  });

  /** Opens a stream; `ended` resolves with everything it said once the server ends it. */
  const openUntilEnd = async (token: string): Promise<{ ended: Promise<string> }> => {
    const res = await fetch(`${base}/api/v1/events`, { headers: t.auth(token) });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('event: ready')) text += (await reader.read()).value ?? '';
    const ended = (async () => {
      for (;;) {
        const r = await reader.read();
        if (r.done) return text;
        text += r.value;
      }
    })();
    return { ended };
  };

  it('ends an open stream at once when the account locks after wrong passwords, and refuses to reopen', async () => {
    const token = await t.signIn('sun');
    const { ended } = await openUntilEnd(token);
    let code = '';
    for (let i = 0; i < t.ctx.config.signInMaxFailures && code !== 'ACCOUNT_LOCKED'; i++) {
      const res = await fetch(`${base}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: '13800000008', password: 'wrong-password-1' }),
      });
      code = ((await res.json()) as { error: { code: string } }).error.code;
    }
    expect(code).toBe('ACCOUNT_LOCKED');
    await ended;
    expect((await fetch(`${base}/api/v1/events`, { headers: t.auth(token) })).status).toBe(401);
    expect((await fetch(`${base}/api/v1/me`, { headers: t.auth(token) })).status).toBe(401);
  });

  it('ends an open stream when its session expires, not at the next keep-alive', async () => {
    const token = await t.signIn('zhou');
    // The session ends a moment after the stream opens; the stream must end then.
    await t.ctx.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + 1500) })
      .where(eq(sessions.tokenHash, hashToken(token)));
    const opened = Date.now();
    await (
      await openUntilEnd(token)
    ).ended;
    expect(Date.now() - opened).toBeLessThan(15_000);
    expect((await fetch(`${base}/api/v1/events`, { headers: t.auth(token) })).status).toBe(401);
  });
});
