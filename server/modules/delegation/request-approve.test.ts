import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, faceAttempts, delegations, inboxItems } from '../../db/schema';
import { authorize } from '../../auth/authorize';
import type { ServerEvent } from '../../events/bus';
import {
  askFor,
  approveAs,
  challenge,
  companyIdOf,
  idem,
  personIdOf,
  submit,
  tokenOf,
  useFaceDouble,
} from '../../test/delegation-support';
import { fakeFrameBase64, fakePerformance, type FaceVerifierDouble } from '../../test/face-double';

let t: TestApp;
let clock = new Date('2026-03-02T02:00:00Z');
let double: FaceVerifierDouble;
let li: string;
let chen: string;
let tech: string;
let food: string;
let qiming: string;
let liToken: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  double = await useFaceDouble(t);
  li = await personIdOf(t, 'li');
  chen = await personIdOf(t, 'chen');
  tech = await companyIdOf(t, 'yunfan-tech');
  food = await companyIdOf(t, 'yunfan-food');
  qiming = await companyIdOf(t, 'qiming-trade');
});
afterAll(async () => t.close());
beforeEach(async () => {
  liToken = await t.signIn('li');
});

const countDelegations = async (): Promise<number> =>
  (await t.ctx.db.select({ n: count() }).from(delegations))[0]!.n;

const events = (personId: string): { list: ServerEvent[]; stop: () => void } => {
  const list: ServerEvent[] = [];
  const stop = t.ctx.bus.subscribe(personId, (e) => list.push(e));
  return { list, stop };
};

const cancelPending = async (): Promise<void> => {
  await t.ctx.db.update(delegations).set({ status: 'cancelled' }).where(eq(delegations.status, 'pending'));
};

describe('the agent asks for authorization', () => {
  it('creates a pending request with a link, an inbox item for the legal representative and a live event', async () => {
    const chenEvents = events(chen);
    const liEvents = events(li);
    const res = await askFor(t, liToken, tech, { scopes: ['tax.file', 'company.view'], tasks: ['file-tax'] });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      status: 'pending',
      scopes: ['company.view', 'tax.file'],
      validity: { kind: 'months', months: 3 },
      note: '季度申报',
      company: { id: tech },
      grantee: { name: '李晓红' },
      grantor: { name: '陈志明' },
      attemptsLeft: 5,
    });
    expect(view.grantor.residentIdMasked).toMatch(/^\d{4}\*{10}[0-9X]{4}$/);
    expect(view.link.path).toMatch(/^\/approve\/[A-Za-z0-9_-]{43}$/);
    expect(new Date(view.link.expiresAt).getTime() - clock.getTime()).toBe(7 * 86_400_000);
    const [item] = await t.ctx.db
      .select()
      .from(inboxItems)
      .where(and(eq(inboxItems.personId, chen), eq(inboxItems.refId, view.id)));
    expect(item).toMatchObject({ kind: 'delegation.request', link: view.link.path });
    expect(item!.title.zh).toContain('李晓红');
    expect(item!.title.en).toMatch(/^李晓红 asks to be given authorization to act for /);
    // The event goes out once the transaction has committed and the answer is sent.
    await vi.waitFor(() => expect(chenEvents.list.map((e) => e.type)).toContain('delegation.requested'), {
      timeout: 5_000,
    });
    // The one asked is told as the grantor; the agent's own copy only refreshes her lists.
    expect(chenEvents.list.find((e) => e.type === 'delegation.requested')?.data).toMatchObject({
      role: 'grantor',
    });
    await vi.waitFor(() => expect(liEvents.list.map((e) => e.type)).toContain('delegation.requested'));
    expect(liEvents.list.find((e) => e.type === 'delegation.requested')?.data).toMatchObject({
      role: 'requester',
    });
    chenEvents.stop();
    liEvents.stop();
    const [row] = await t.ctx.db.select().from(delegations).where(eq(delegations.id, view.id));
    expect(row!.linkTokenHash).not.toBe(tokenOf(view.link.path));
    expect(row!.linkTokenEnc).not.toContain(tokenOf(view.link.path));
    const trail = await t.ctx.db.select().from(auditLog).where(eq(auditLog.delegationId, view.id));
    expect(trail.map((a) => a.action)).toEqual(['delegation.request']);
    expect(trail[0]).toMatchObject({
      actingAs: 'self',
      firmId: null,
      detail: { to: 'pending', scopes: ['company.view', 'tax.file'], tasks: ['file-tax'], renews: null },
    });
    expect(trail[0]?.detail).not.toHaveProperty('grantee');
    await cancelPending();
  });

  it.each([
    ['a scope not in the catalogue', { scopes: ['tax.file', 'bank.transfer'] }, 422, 'SCOPE_UNKNOWN'],
    ['no scope', { scopes: [] }, 422, 'SCOPES_REQUIRED'],
    ['13 months', { validity: { kind: 'months', months: 13 } }, 422, 'VALIDITY_TOO_LONG'],
    ['400 days', { validity: { kind: 'days', days: 400 } }, 422, 'VALIDITY_TOO_LONG'],
    ['0 days', { validity: { kind: 'days', days: 0 } }, 422, 'VALIDITY_TOO_SHORT'],
    ['single use without a matter', { validity: { kind: 'single-use', matter: '' } }, 422, 'INVALID_REQUEST'],
  ])('refuses %s with a clear code and changes nothing', async (_name, body, status, code) => {
    const before = await countDelegations();
    const res = await askFor(t, liToken, tech, body as never);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message.length).toBeGreaterThan(4);
    expect(await countDelegations()).toBe(before);
  });

  it('refuses a company the agent is not connected to, and the legal representative themself', async () => {
    const before = await countDelegations();
    const meijia = await companyIdOf(t, 'meijia-home');
    const notConnected = await askFor(t, liToken, meijia);
    expect(notConnected.statusCode).toBe(403);
    expect(notConnected.json().error.code).toBe('NOT_CONNECTED');
    const unknown = await askFor(t, liToken, '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    const self = await askFor(t, await t.signIn('chen'), tech);
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('LEGAL_REP_NEEDS_NO_AUTHORIZATION');
    expect(await countDelegations()).toBe(before);
  });

  it('allows one waiting request per company, and a retried submission returns the first answer', async () => {
    const headers = { ...t.auth(liToken), ...idem() };
    const payload = { scopes: ['tax.file'], validity: { kind: 'days', days: 7 } };
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/v1/companies/${food}/delegations`,
      headers,
      payload,
    });
    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/companies/${food}/delegations`,
      headers,
      payload,
    });
    expect(first.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(retry.headers['idempotent-replay']).toBe('true');
    const second = await askFor(t, liToken, food);
    expect(second.json().error.code).toBe('REQUEST_ALREADY_PENDING');
    const noKey = await t.app.inject({
      method: 'POST',
      url: `/api/v1/companies/${food}/delegations`,
      headers: t.auth(liToken),
      payload,
    });
    expect(noKey.json().error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    await cancelPending();
  });
});

describe('the phone page', () => {
  it('shows who asks, for which company, which scopes and until when; bad tokens get LINK_INVALID', async () => {
    const view = (await askFor(t, liToken, tech, { validity: { kind: 'days', days: 30 } })).json();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/approvals/${tokenOf(view.link.path)}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'pending',
      company: { name: '广州市云帆信息科技有限公司' },
      requester: { name: '李晓红' },
      grantorName: '陈志明',
      scopes: ['tax.file'],
      faceEnrolled: true,
      attemptsLeft: 5,
    });
    expect(body.requester.residentIdMasked).toMatch(/^\d{4}\*{10}[0-9X]{4}$/);
    expect(new Date(body.validUntil).getTime()).toBe(clock.getTime() + 30 * 86_400_000);
    expect(JSON.stringify(body)).not.toMatch(/\d{17}[\dX]/);
    for (const forged of ['x'.repeat(43), 'short', tokenOf(view.link.path).slice(0, 42) + '_', '../../etc']) {
      const bad = await t.app.inject({
        method: 'GET',
        url: `/api/v1/approvals/${encodeURIComponent(forged)}`,
      });
      expect(bad.statusCode).toBe(404);
      expect(bad.json().error.code).toBe('LINK_INVALID');
    }
    await cancelPending();
  });

  it('approves on a matching face with the liveness in order; the agent is told live and can act within scope only', async () => {
    const view = (await askFor(t, liToken, tech, { scopes: ['tax.file'] })).json();
    const token = tokenOf(view.link.path);
    const liEvents = events(li);
    const before = double.calls;
    const res = await approveAs(t, token, 'A');
    expect(res.statusCode).toBe(200);
    expect(double.calls).toBe(before + 1);
    expect(res.json()).toMatchObject({ status: 'approved', validFrom: clock.toISOString() });
    expect(res.json().validUntil).toBe('2026-06-02T02:00:00.000Z');
    // Events travel through the outbox and LISTEN/NOTIFY: wait for the one the approval commits.
    await vi.waitFor(() => expect(liEvents.list.map((e) => e.type)).toContain('delegation.approved'), {
      timeout: 5_000,
    });
    expect(liEvents.list.find((e) => e.type === 'delegation.approved')?.data).toMatchObject({
      delegationId: view.id,
      companyId: tech,
      status: 'approved',
    });
    liEvents.stop();

    expect(
      await authorize(t.ctx.db, { personId: li, companyId: tech, scope: 'tax.file', now: clock }),
    ).toMatchObject({ allowed: true, actingAs: 'delegate', delegationId: view.id });
    expect(
      await authorize(t.ctx.db, { personId: li, companyId: tech, scope: 'tax.pay', now: clock }),
    ).toMatchObject({ allowed: false, code: 'SCOPE_NOT_GRANTED' });
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${tech}`,
      headers: t.auth(liToken),
    });
    expect(detail.json()).toMatchObject({
      actingAs: 'delegate',
      grantedScopes: ['tax.file'],
      actingUntil: '2026-06-02T02:00:00.000Z',
    });

    const [attempt] = await t.ctx.db.select().from(faceAttempts).where(eq(faceAttempts.subjectId, view.id));
    expect(attempt).toMatchObject({
      outcome: 'match',
      match: true,
      userAgent: 'test-phone',
      frameCount: attempt!.challengeActions.length + 2,
    });
    expect(attempt!.similarity).toBeGreaterThan(0.75);
    expect(attempt!.liveness.passed).toBe(true);
    expect(attempt!.challengeActions.length).toBeGreaterThanOrEqual(2);
    const [item] = await t.ctx.db
      .select()
      .from(inboxItems)
      .where(and(eq(inboxItems.refId, view.id), eq(inboxItems.kind, 'delegation.request')));
    expect(item!.doneAt).not.toBeNull();
    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.delegationId, view.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['delegation.request', 'delegation.approve']);

    // The link is spent: reusing it is refused, and nothing changes.
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/approvals/${token}/challenge` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LINK_USED');
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/approvals/${token}` });
    expect(page.json()).toMatchObject({ status: 'approved', validUntil: '2026-06-02T02:00:00.000Z' });
  });

  it('refuses a replayed submission, an expired challenge and an unknown one', async () => {
    const view = (await askFor(t, liToken, qiming)).json();
    const token = tokenOf(view.link.path);
    const c = await challenge(t, token);
    const wrong = await submit(t, token, c.challengeId, fakePerformance('A', c.actions));
    expect(wrong.json().error.code).toBe('FACE_MISMATCH');
    const replay = await submit(t, token, c.challengeId, fakePerformance('B', c.actions));
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe('CHALLENGE_USED');
    const stale = await challenge(t, token);
    clock = new Date(clock.getTime() + 121_000);
    const late = await submit(t, token, stale.challengeId, fakePerformance('B', stale.actions));
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('CHALLENGE_EXPIRED');
    const unknown = await submit(
      t,
      token,
      '00000000-0000-4000-8000-000000000000',
      fakePerformance('B', stale.actions),
    );
    expect(unknown.json().error.code).toBe('CHALLENGE_UNKNOWN');
    const [row] = await t.ctx.db.select().from(delegations).where(eq(delegations.id, view.id));
    expect(row).toMatchObject({ status: 'pending', failedAttempts: 1 });
    await cancelPending();
  });

  it('gives each bad frame set its own code; the request stays pending; five failures lock it for 30 minutes', async () => {
    await t.ctx.db
      .update(delegations)
      .set({ status: 'cancelled' })
      .where(eq(delegations.granteePersonId, li));
    const view = (await askFor(t, liToken, qiming)).json();
    const token = tokenOf(view.link.path);
    const cases: [string, (actions: string[]) => string[], number, string][] = [
      [
        'not images',
        () => ['aGVsbG8gd29ybGQ=', 'aGVsbG8gd29ybGQ=', 'aGVsbG8gd29ybGQ='],
        422,
        'FACE_NOT_AN_IMAGE',
      ],
      ['no face', () => [0, 1, 2].map(() => fakeFrameBase64({ who: 'B', faces: 0 })), 422, 'FACE_NO_FACE'],
      [
        'two faces',
        () => [0, 1, 2].map(() => fakeFrameBase64({ who: 'B', faces: 2 })),
        422,
        'FACE_MULTIPLE_FACES',
      ],
      [
        'the actions in the wrong order',
        (a) => fakePerformance('B', [...a].reverse() as never),
        422,
        'FACE_LIVENESS_FAILED',
      ],
    ];
    let left = 5;
    for (const [name, frames, status, code] of cases) {
      const c = await challenge(t, token);
      const res = await submit(t, token, c.challengeId, frames(c.actions));
      expect(res.statusCode, name).toBe(status);
      expect(res.json().error.code, name).toBe(code);
      left--;
      expect(res.json().error.message).toContain(`还可尝试 ${left} 次`);
      const page = (await t.app.inject({ method: 'GET', url: `/api/v1/approvals/${token}` })).json();
      expect(page).toMatchObject({ status: 'pending', attemptsLeft: left, lockedUntil: null });
    }
    const c = await challenge(t, token);
    const fifth = await submit(t, token, c.challengeId, fakePerformance('A', c.actions));
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('REQUEST_LOCKED');
    const lockedChallenge = await t.app.inject({
      method: 'POST',
      url: `/api/v1/approvals/${token}/challenge`,
    });
    expect(lockedChallenge.statusCode).toBe(423);
    const attempts = await t.ctx.db.select().from(faceAttempts).where(eq(faceAttempts.subjectId, view.id));
    expect(attempts.map((a) => a.outcome)).toEqual([
      'NOT_AN_IMAGE',
      'NO_FACE',
      'MULTIPLE_FACES',
      'LIVENESS_FAILED',
      'FACE_MISMATCH',
    ]);
    expect(attempts.every((a) => a.userAgent === 'test-phone' && a.submittedAt <= a.finishedAt)).toBe(true);
    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.delegationId, view.id))).map(
      (a) => a.action,
    );
    expect(actions.filter((a) => a === 'delegation.face-failed')).toHaveLength(5);
    expect(actions).toContain('delegation.lock');

    clock = new Date(clock.getTime() + 30 * 60_000 + 1000);
    const ok = await approveAs(t, token, 'B');
    expect(ok.statusCode).toBe(200);
  });

  it('expires an unanswered link after 7 days (audited); a re-sent link replaces the old one', async () => {
    await cancelPending();
    liToken = await t.signIn('li');
    const view = (await askFor(t, liToken, food)).json();
    const oldToken = tokenOf(view.link.path);
    clock = new Date(clock.getTime() + 6 * 86_400_000);
    liToken = await t.signIn('li');
    const resent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${view.id}/resend`,
      headers: { ...t.auth(liToken), ...idem() },
    });
    expect(resent.statusCode).toBe(200);
    const newToken = tokenOf(resent.json().link.path);
    expect(newToken).not.toBe(oldToken);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/approvals/${oldToken}` })).json().error.code,
    ).toBe('LINK_INVALID');
    const [item] = await t.ctx.db
      .select()
      .from(inboxItems)
      .where(and(eq(inboxItems.refId, view.id), eq(inboxItems.kind, 'delegation.request')));
    expect(item!.link).toBe(resent.json().link.path);

    clock = new Date(clock.getTime() + 7 * 86_400_000 + 1000);
    const expired = await t.app.inject({ method: 'GET', url: `/api/v1/approvals/${newToken}` });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('LINK_EXPIRED');
    const [row] = await t.ctx.db.select().from(delegations).where(eq(delegations.id, view.id));
    expect(row!.status).toBe('expired');
    const trail = await t.ctx.db.select().from(auditLog).where(eq(auditLog.delegationId, view.id));
    expect(trail.map((a) => a.action)).toEqual([
      'delegation.request',
      'delegation.resend',
      'delegation.expire',
    ]);
    expect(trail[1]).toMatchObject({ actingAs: 'self', firmId: null });
    expect(Object.keys(trail[1]?.detail ?? {})).toEqual(['linkExpiresAt']);
    expect(trail[2]).toMatchObject({
      actingAs: 'system',
      detail: { from: 'pending', to: 'expired', reason: 'link-unanswered' },
    });
    const challengeAfter = await t.app.inject({
      method: 'POST',
      url: `/api/v1/approvals/${newToken}/challenge`,
    });
    expect(challengeAfter.json().error.code).toBe('LINK_EXPIRED');
  });

  it('cancels a waiting request: the link then says so, and a second cancel is a state conflict', async () => {
    liToken = await t.signIn('li');
    const view = (await askFor(t, liToken, food)).json();
    const wangToken = await t.signIn('wang');
    const stranger = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${view.id}/cancel`,
      headers: { ...t.auth(wangToken), ...idem() },
    });
    expect(stranger.statusCode).toBe(404);
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${view.id}/cancel`,
      headers: { ...t.auth(liToken), ...idem() },
    });
    expect(cancel.json().status).toBe('cancelled');
    expect(cancel.json().link).toBeNull();
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/v1/approvals/${tokenOf(view.link.path)}/challenge`,
    });
    expect(link.json().error.code).toBe('REQUEST_CANCELLED');
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${view.id}/cancel`,
      headers: { ...t.auth(liToken), ...idem() },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('DELEGATION_STATE_CONFLICT');
  });

  it('lets the legal representative decline from the phone or the desktop', async () => {
    liToken = await t.signIn('li');
    const first = (await askFor(t, liToken, food)).json();
    const viaLink = await t.app.inject({
      method: 'POST',
      url: `/api/v1/approvals/${tokenOf(first.link.path)}/reject`,
      payload: { reason: '暂不需要' },
    });
    expect(viaLink.statusCode).toBe(200);
    const second = (await askFor(t, liToken, food)).json();
    const liTry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${second.id}/reject`,
      headers: { ...t.auth(liToken), ...idem() },
      payload: {},
    });
    expect(liTry.json().error.code).toBe('NOT_LEGAL_REPRESENTATIVE');
    const chenToken = await t.signIn('chen');
    const desk = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${second.id}/reject`,
      headers: { ...t.auth(chenToken), ...idem() },
      payload: {},
    });
    expect(desk.json().status).toBe('rejected');
    const rows = await t.ctx.db.select().from(delegations).where(eq(delegations.companyId, food));
    expect(rows.filter((r) => r.id === first.id || r.id === second.id).map((r) => r.status)).toEqual([
      'rejected',
      'rejected',
    ]);
  });
});
