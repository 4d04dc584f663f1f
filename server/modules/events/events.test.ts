import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';

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
    await t.ctx.bus.publish('someone-else', { type: 'delegation.approved', data: { secret: true } });
    await t.ctx.bus.publish(me.person.id, { type: 'delegation.approved', data: { delegationId: 'd1' } });
    await readUntil('d1');
    expect(text).toContain('event: delegation.approved\ndata: {"delegationId":"d1"}');
    expect(text).not.toContain('secret');
    controller.abort();
  });
});
