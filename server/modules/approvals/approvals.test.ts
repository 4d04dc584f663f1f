// One face check, many approvals: the legal representative's queue across companies and kinds,
// approved together after a single live face; the re-verification window; per-request audit rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, delegations, persons } from '../../db/schema';
import { askFor, companyIdOf, personIdOf, useFaceDouble } from '../../test/delegation-support';
import { fakePerformance, type FaceVerifierDouble } from '../../test/face-double';
import {
  createDraft,
  requestConfirm,
  saveWhole,
  soleFounderApplication,
} from '../../test/registration-support';

let t: TestApp;
let double: FaceVerifierDouble;
let clock = new Date('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  double = await useFaceDouble(t);
});
afterAll(async () => t.close());

const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { ...t.auth(token), 'user-agent': 'test-device' },
    ...(payload ? { payload } : {}),
  });

const faceCheck = async (token: string, who = 'A') => {
  const c = (await call(token, 'POST', '/api/v1/me/face-challenge')).json();
  const res = await call(token, 'POST', '/api/v1/me/face-check', {
    challengeId: c.challengeId,
    frames: fakePerformance(who, c.actions),
  });
  expect(res.statusCode, res.body).toBe(200);
};

type Item = { kind: 'delegation' | 'registration'; id: string };
const queue = async (token: string): Promise<Item[]> => {
  const res = await call(token, 'GET', '/api/v1/me/approvals');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const approve = (token: string, items: Item[]) =>
  call(token, 'POST', '/api/v1/me/approvals/approve', {
    items: items.map(({ kind, id }) => ({ kind, id })),
  });

describe('one face check, many approvals', () => {
  let chenToken: string;
  let liToken: string;

  it('lists delegations for different companies and a registration confirmation in one queue', async () => {
    liToken = await t.signIn('li');
    chenToken = await t.signIn('chen');
    for (const key of ['yunfan-tech', 'yunfan-food']) {
      const res = await askFor(t, liToken, await companyIdOf(t, key));
      expect(res.statusCode, res.body).toBe(201);
    }
    const filer = { app: t.app, headers: t.auth(liToken) };
    const draft = await createDraft(filer);
    await saveWhole(filer, draft, soleFounderApplication('chen', '广州市云帆新材料科技有限公司', clock));
    await requestConfirm(filer, draft.id);
    const items = await queue(chenToken);
    expect(items.map((i) => i.kind).sort()).toEqual(['delegation', 'delegation', 'registration']);
    // Nobody else sees them.
    expect(await queue(await t.signIn('wang'))).toEqual([]);
  });

  it('refuses without a live face, audited; one face check then approves all ticked, each audited', async () => {
    const items = await queue(chenToken);
    const chen = await personIdOf(t, 'chen');
    const refused = await approve(chenToken, items);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FACE_CHECK_REQUIRED');
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorPersonId, chen), eq(auditLog.action, 'approvals.batch-refused')));
    expect(audit?.detail).toMatchObject({ code: 'FACE_CHECK_REQUIRED' });

    await call(chenToken, 'PUT', '/api/v1/me/face-consent', { decision: 'given' });
    const before = double.calls;
    await faceCheck(chenToken);
    const res = await approve(chenToken, items);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().via).toBe('fresh-face');
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'approved',
      'approved',
      'approved',
    ]);
    expect(double.calls - before).toBe(1);
    expect(await queue(chenToken)).toEqual([]);
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.detail}->>'via' = 'face-batch'`);
    expect(rows.map((r) => r.action).sort()).toEqual([
      'delegation.approve',
      'delegation.approve',
      'registration.confirm',
    ]);
    expect(new Set(rows.map((r) => (r.detail as { batchId: string }).batchId)).size).toBe(1);
  });

  it('without a window the next approval needs a new face; within the window it does not', async () => {
    const tech = await companyIdOf(t, 'yunfan-tech');
    await t.ctx.db.update(delegations).set({ status: 'revoked' }).where(eq(delegations.companyId, tech));
    await askFor(t, liToken, tech);
    const next = await queue(chenToken);
    expect(next).toHaveLength(1);
    expect((await approve(chenToken, next)).json().error.code).toBe('FACE_CHECK_REQUIRED');

    await call(chenToken, 'PUT', '/api/v1/me/reverify-window', { minutes: 120 });
    await faceCheck(chenToken);
    expect((await approve(chenToken, next)).json().via).toBe('reverify-window');
    await t.ctx.db.update(delegations).set({ status: 'revoked' }).where(eq(delegations.companyId, tech));
    await askFor(t, liToken, tech);
    clock = new Date(clock.getTime() + 60 * 60_000);
    const res = await approve(chenToken, await queue(chenToken));
    expect(res.json()).toMatchObject({ via: 'reverify-window', results: [{ outcome: 'approved' }] });
    // Another device of the same person has no face check of its own.
    const otherDevice = await t.signIn('chen');
    expect((await approve(otherDevice, [{ kind: 'delegation', id: next[0]!.id }])).statusCode).toBe(403);
  });

  it('never approves someone else’s request, even when the approver is assured', async () => {
    const tech = await companyIdOf(t, 'yunfan-tech');
    await t.ctx.db.update(delegations).set({ status: 'revoked' }).where(eq(delegations.companyId, tech));
    await askFor(t, liToken, tech);
    const [item] = await queue(chenToken);
    const wang = await personIdOf(t, 'wang');
    await t.ctx.db.update(persons).set({ counterVerifiedAt: clock }).where(eq(persons.id, wang));
    const res = await approve(await t.signIn('wang'), [item!]);
    expect(res.json()).toMatchObject({
      via: 'counter',
      results: [{ outcome: 'refused', code: 'NOT_FOUND' }],
    });
    const [row] = await t.ctx.db
      .select()
      .from(delegations)
      .where(eq(delegations.id, item!.id))
      .orderBy(desc(delegations.createdAt));
    expect(row?.status).toBe('pending');
  });
});
