import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/harness';
import { implement } from './route';
import { defineContract } from '../../shared/api/contract';
import { errorHandler } from './errors';
import { auditLog } from '../db/schema';
import { writeAudit } from '../audit/write';

let t: TestApp;
let app: FastifyInstance;
let runs = 0;

/** A submission route on the real route machinery: each run writes one audit row. */
const submit = implement(
  defineContract({
    method: 'POST',
    path: '/test/submit',
    summary: 'test submission',
    tags: ['test'],
    access: { kind: 'user' },
    idempotent: true,
    body: z.strictObject({ amount: z.string(), fail: z.boolean().optional() }),
    response: z.object({ receipt: z.number() }),
  }),
  async ({ db, actor, body }) => {
    runs++;
    await writeAudit(db, {
      actorPersonId: actor.personId,
      actingAs: 'self',
      action: 'test.submit',
      detail: { amount: body.amount },
    });
    if (body.fail) throw new Error('step failed after writing');
    return { receipt: runs };
  },
);

beforeAll(async () => {
  t = await createTestApp();
  app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  submit.register(app, t.ctx);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const count = async (): Promise<number> =>
  (await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'test.submit'))).length;

describe('idempotent submissions', () => {
  it('requires an Idempotency-Key', async () => {
    const token = await t.signIn('chen');
    const res = await app.inject({
      method: 'POST',
      url: '/test/submit',
      headers: t.auth(token),
      payload: { amount: '1.00' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('files once for a double click or a retry, returning the first answer', async () => {
    const token = await t.signIn('chen');
    const headers = { ...t.auth(token), 'idempotency-key': 'key-double-click-1' };
    const before = await count();
    const [a, b] = await Promise.all([
      app.inject({ method: 'POST', url: '/test/submit', headers, payload: { amount: '10.00' } }),
      app.inject({ method: 'POST', url: '/test/submit', headers, payload: { amount: '10.00' } }),
    ]);
    const retry = await app.inject({
      method: 'POST',
      url: '/test/submit',
      headers,
      payload: { amount: '10.00' },
    });
    expect([a.statusCode, b.statusCode, retry.statusCode]).toEqual([200, 200, 200]);
    expect(a.json()).toEqual(b.json());
    expect(retry.json()).toEqual(a.json());
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(await count()).toBe(before + 1);
  });

  it('refuses the same key with different content', async () => {
    const token = await t.signIn('chen');
    const headers = { ...t.auth(token), 'idempotency-key': 'key-reused-2' };
    await app.inject({ method: 'POST', url: '/test/submit', headers, payload: { amount: '1.00' } });
    const res = await app.inject({
      method: 'POST',
      url: '/test/submit',
      headers,
      payload: { amount: '2.00' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('rolls back everything a failed submission wrote, and hides the internal error', async () => {
    const token = await t.signIn('chen');
    const before = await count();
    const res = await app.inject({
      method: 'POST',
      url: '/test/submit',
      headers: { ...t.auth(token), 'idempotency-key': 'key-failing-3' },
      payload: { amount: '3.00', fail: true },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toEqual({
      code: 'INTERNAL',
      message: expect.not.stringContaining('step failed'),
    });
    expect(await count()).toBe(before);
  });
});
