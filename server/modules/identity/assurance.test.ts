// Levels of assurance: the step-up face check of a session, single use without a window, reusable
// within the person's re-verification window, consent first, and requireLevel for other modules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog } from '../../db/schema';
import { resolveActor, type Actor } from '../../auth/session';
import { personIdOf, useFaceDouble } from '../../test/delegation-support';
import { fakePerformance } from '../../test/face-double';
import { requireLevel } from './index';

let t: TestApp;
let clock = new Date('2026-03-02T02:00:00Z');
const later = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  await useFaceDouble(t);
});
afterAll(async () => t.close());

const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { ...t.auth(token), 'user-agent': 'test-device' },
    ...(payload ? { payload } : {}),
  });

const faceCheck = async (token: string, who: string) => {
  const c = await call(token, 'POST', '/api/v1/me/face-challenge');
  expect(c.statusCode, c.body).toBe(200);
  const { challengeId, actions } = c.json();
  return call(token, 'POST', '/api/v1/me/face-check', {
    challengeId,
    frames: fakePerformance(who, actions),
  });
};

const actorOf = async (token: string): Promise<Actor> => (await resolveActor(t.ctx, token))!;
const lastAudit = async (personId: string, action: string) =>
  (
    await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorPersonId, personId), eq(auditLog.action, action)))
      .orderBy(desc(auditLog.at))
      .limit(1)
  )[0];

describe('levels of assurance', () => {
  it('a password session reads but cannot approve; a face check needs consent first', async () => {
    const token = await t.signIn('chen');
    const view = (await call(token, 'GET', '/api/v1/me/assurance')).json();
    expect(view).toMatchObject({ session: 'password', faceVerifiedAt: null, faceConsent: null });
    const actor = await actorOf(token);
    await expect(requireLevel(t.ctx, actor, 'read')).resolves.toMatchObject({ via: 'session' });
    await expect(requireLevel(t.ctx, actor, 'delegation.approve')).rejects.toMatchObject({
      code: 'FACE_CHECK_REQUIRED',
    });
    const res = await call(token, 'POST', '/api/v1/me/face-challenge');
    expect(res.json().error.code).toBe('FACE_CONSENT_REQUIRED');
  });

  it('a matched face answers for one action only; another person’s face and a replay are refused and audited', async () => {
    const token = await t.signIn('chen');
    const chen = await personIdOf(t, 'chen');
    expect((await call(token, 'PUT', '/api/v1/me/face-consent', { decision: 'given' })).statusCode).toBe(200);
    const wrong = await faceCheck(token, 'B');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('FACE_MISMATCH');
    expect((await lastAudit(chen, 'identity.face-failed'))?.detail).toMatchObject({ code: 'FACE_MISMATCH' });

    const c = (await call(token, 'POST', '/api/v1/me/face-challenge')).json();
    const body = { challengeId: c.challengeId, frames: fakePerformance('A', c.actions) };
    const ok = await call(token, 'POST', '/api/v1/me/face-check', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().faceValidUntil).not.toBeNull();
    const replay = await call(token, 'POST', '/api/v1/me/face-check', body);
    expect(replay.json().error.code).toBe('CHALLENGE_USED');

    const actor = await actorOf(token);
    await expect(requireLevel(t.ctx, actor, 'seal.sign')).resolves.toMatchObject({ via: 'fresh-face' });
    await expect(requireLevel(t.ctx, actor, 'seal.sign')).rejects.toMatchObject({
      code: 'FACE_CHECK_REQUIRED',
    });
    // Another session of the same person (another device) never borrows this one's face check.
    const other = await actorOf(await t.signIn('chen'));
    await expect(requireLevel(t.ctx, other, 'face')).rejects.toMatchObject({ code: 'FACE_CHECK_REQUIRED' });
  });

  it('within the re-verification window further actions pass; after it they need a new face', async () => {
    const token = await t.signIn('chen');
    const chen = await personIdOf(t, 'chen');
    expect((await call(token, 'PUT', '/api/v1/me/reverify-window', { minutes: 10 })).statusCode).toBe(422);
    const set = await call(token, 'PUT', '/api/v1/me/reverify-window', { minutes: 60 });
    expect(set.json()).toMatchObject({ reverifyWindowMinutes: 60 });
    expect((await lastAudit(chen, 'identity.reverify-window'))?.detail).toEqual({ minutes: 60 });
    expect((await faceCheck(token, 'A')).statusCode).toBe(200);
    const actor = await actorOf(token);
    await requireLevel(t.ctx, actor, 'face');
    later(59);
    await expect(requireLevel(t.ctx, actor, 'face')).resolves.toMatchObject({ via: 'reverify-window' });
    later(2);
    await expect(requireLevel(t.ctx, actor, 'face')).rejects.toMatchObject({ code: 'FACE_CHECK_REQUIRED' });
    await call(token, 'PUT', '/api/v1/me/reverify-window', { minutes: null });
  });

  it('a refusal of face processing is recorded separately and points to the counter', async () => {
    const token = await t.signIn('wang');
    const wang = await personIdOf(t, 'wang');
    const res = await call(token, 'PUT', '/api/v1/me/face-consent', { decision: 'refused' });
    expect(res.json()).toMatchObject({ faceConsent: 'refused' });
    expect(await lastAudit(wang, 'identity.face-consent-refused')).toBeDefined();
    const c = await call(token, 'POST', '/api/v1/me/face-challenge');
    expect(c.json().error.code).toBe('FACE_CONSENT_REFUSED');
  });
});
