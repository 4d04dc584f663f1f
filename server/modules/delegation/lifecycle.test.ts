import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, delegations, inboxItems } from '../../db/schema';
import { auditActingFor } from '../../audit/write';
import { authorize } from '../../auth/authorize';
import type { ServerEvent } from '../../events/bus';
import {
  approveAs,
  askFor,
  companyIdOf,
  idem,
  personIdOf,
  tokenOf,
  useFaceDouble,
} from '../../test/delegation-support';
import { expireDue, remindRenewals } from './sweep';

let t: TestApp;
let clock = new Date('2026-01-10T01:00:00Z');
let li: string;
let tech: string;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  await useFaceDouble(t);
  li = await personIdOf(t, 'li');
  tech = await companyIdOf(t, 'yunfan-tech');
});
afterAll(async () => t.close());

const approvedFor = async (companyKey: string, body: Record<string, unknown>, who = 'A'): Promise<string> => {
  const token = await t.signIn('li');
  const res = await askFor(t, token, await companyIdOf(t, companyKey), body);
  expect(res.statusCode).toBe(201);
  const approved = await approveAs(t, tokenOf(res.json().link.path), who);
  expect(approved.statusCode).toBe(200);
  return res.json().id;
};

describe('revocation', () => {
  it('takes effect on the delegate’s next request, is audited, and only the legal representative may do it', async () => {
    const id = await approvedFor('yunfan-tech', {
      scopes: ['tax.file'],
      validity: { kind: 'months', months: 6 },
    });
    expect(
      await authorize(t.ctx.db, { personId: li, companyId: tech, scope: 'tax.file', now: clock }),
    ).toMatchObject({ allowed: true });
    // The delegate acts once under it: the audit trail the legal representative sees includes it.
    await auditActingFor(
      t.ctx.db,
      { allowed: true, personId: li, companyId: tech, actingAs: 'delegate', delegationId: id },
      'tax.return.submit',
      { period: '2025Q4' },
    );

    const liToken = await t.signIn('li');
    const liTry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${id}/revoke`,
      headers: { ...t.auth(liToken), ...idem() },
      payload: {},
    });
    expect(liTry.statusCode).toBe(403);
    expect(liTry.json().error.code).toBe('NOT_LEGAL_REPRESENTATIVE');

    const liEvents: ServerEvent[] = [];
    const stop = t.ctx.bus.subscribe(li, (e) => liEvents.push(e));
    const chenToken = await t.signIn('chen');
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${id}/revoke`,
      headers: { ...t.auth(chenToken), ...idem() },
      payload: { reason: '项目结束' },
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toMatchObject({ status: 'revoked', revokedAt: clock.toISOString() });
    // The event goes out after the commit: wait for it to arrive, not for a fixed time.
    await vi.waitFor(() => expect(liEvents.map((e) => e.type)).toContain('delegation.revoked'), {
      timeout: 5_000,
    });
    stop();
    expect(
      await authorize(t.ctx.db, { personId: li, companyId: tech, scope: 'tax.file', now: clock }),
    ).toMatchObject({ allowed: false, code: 'DELEGATION_REVOKED' });
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${tech}`,
      headers: t.auth(liToken),
    });
    expect(detail.json().actingAs).toBe('connected');

    const trail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/delegations/${id}/audit`,
      headers: t.auth(chenToken),
    });
    expect(trail.json().entries.map((e: { action: string }) => e.action)).toEqual([
      'delegation.request',
      'delegation.approve',
      'tax.return.submit',
      'delegation.revoke',
    ]);
    expect(trail.json().entries[2]).toMatchObject({
      actorName: '李晓红',
      actingAs: 'delegate',
      detail: { period: '2025Q4' },
    });
    const wangToken = await t.signIn('wang');
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/delegations/${id}/audit`,
      headers: t.auth(wangToken),
    });
    expect(other.statusCode).toBe(403);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${id}/revoke`,
      headers: { ...t.auth(chenToken), ...idem() },
      payload: {},
    });
    expect(again.json().error.code).toBe('DELEGATION_STATE_CONFLICT');
  });
});

describe('the legal representative’s overview', () => {
  it('lists every delegation of every company they represent, filterable by status', async () => {
    const chenToken = await t.signIn('chen');
    const all = (
      await t.app.inject({ method: 'GET', url: '/api/v1/delegations/granted', headers: t.auth(chenToken) })
    ).json().delegations;
    expect(all.length).toBeGreaterThanOrEqual(1);
    expect(new Set(all.map((d: { company: { name: string } }) => d.company.name))).toEqual(
      new Set(['广州市云帆信息科技有限公司']),
    );
    const revoked = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/delegations/granted?status=revoked',
        headers: t.auth(chenToken),
      })
    ).json().delegations;
    expect(revoked.every((d: { status: string }) => d.status === 'revoked')).toBe(true);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/delegations/granted?status=gone',
      headers: t.auth(chenToken),
    });
    expect(bad.statusCode).toBe(422);
    // 刘芳 sees the firm's authorizations for both her companies.
    const liuToken = await t.signIn('liu');
    const liu = (
      await t.app.inject({ method: 'GET', url: '/api/v1/delegations/granted', headers: t.auth(liuToken) })
    ).json().delegations;
    expect(liu).toHaveLength(2);
    expect(
      liu.every(
        (d: { granteeFirm: { name: string } | null; status: string }) =>
          d.granteeFirm?.name === '广州诚信财税代理有限公司' && d.status === 'approved',
      ),
    ).toBe(true);
    // The agent sees nothing there, and only their own in a company's list.
    const liToken = await t.signIn('li');
    expect(
      (
        await t.app.inject({ method: 'GET', url: '/api/v1/delegations/granted', headers: t.auth(liToken) })
      ).json().delegations,
    ).toEqual([]);
    const companyList = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/companies/${tech}/delegations`,
        headers: t.auth(liToken),
      })
    ).json().delegations;
    expect(companyList.every((d: { grantee: { name: string } }) => d.grantee.name === '李晓红')).toBe(true);
  });
});

describe('expiry and renewal', () => {
  it('reminds from 30 days before the end, renews with the same scopes and continues without a gap', async () => {
    const id = await approvedFor('yunfan-food', {
      scopes: ['tax.file', 'invoice.manage'],
      validity: { kind: 'days', days: 40 },
      note: '发票与申报',
    });
    const [original] = await t.ctx.db.select().from(delegations).where(eq(delegations.id, id));
    const liToken = await t.signIn('li');
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${id}/renew`,
      headers: { ...t.auth(liToken), ...idem() },
    });
    expect(early.json().error.code).toBe('RENEWAL_TOO_EARLY');
    expect(await remindRenewals(t.ctx)).toBe(0);

    clock = new Date(clock.getTime() + 15 * DAY);
    const liToken2 = await t.signIn('li');
    const mine = (
      await t.app.inject({ method: 'GET', url: '/api/v1/delegations/mine', headers: t.auth(liToken2) })
    ).json().delegations;
    expect(mine.find((d: { id: string }) => d.id === id)).toMatchObject({ renewalDue: true });
    expect(await remindRenewals(t.ctx)).toBe(1);
    expect(await remindRenewals(t.ctx)).toBe(0);
    const reminders = await t.ctx.db
      .select()
      .from(inboxItems)
      .where(and(eq(inboxItems.personId, li), eq(inboxItems.kind, 'delegation.renewal-due')));
    expect(reminders).toHaveLength(1);

    const renew = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${id}/renew`,
      headers: { ...t.auth(liToken2), ...idem() },
    });
    expect(renew.statusCode).toBe(200);
    expect(renew.json()).toMatchObject({
      status: 'pending',
      scopes: ['tax.file', 'invoice.manage'],
      validity: { kind: 'days', days: 40 },
      renewsDelegationId: id,
      note: '发票与申报',
    });
    const mineAfter = (
      await t.app.inject({ method: 'GET', url: '/api/v1/delegations/mine', headers: t.auth(liToken2) })
    ).json().delegations;
    expect(mineAfter.find((d: { id: string }) => d.id === id).renewalDue).toBe(false);
    const approved = await approveAs(t, tokenOf(renew.json().link.path), 'A');
    expect(approved.json().validFrom).toBe(original!.validUntil!.toISOString());
    expect(new Date(approved.json().validUntil).getTime()).toBe(original!.validUntil!.getTime() + 40 * DAY);

    // Past the first one's end the renewal carries on; the first is marked expired, audited.
    clock = new Date(original!.validUntil!.getTime() + 1000);
    expect(
      await authorize(t.ctx.db, {
        personId: li,
        companyId: await companyIdOf(t, 'yunfan-food'),
        scope: 'invoice.manage',
        now: clock,
      }),
    ).toMatchObject({
      allowed: true,
      delegationId: renew.json().id,
    });
    expect(await expireDue(t.ctx)).toBeGreaterThanOrEqual(1);
    const [after] = await t.ctx.db.select().from(delegations).where(eq(delegations.id, id));
    expect(after!.status).toBe('expired');
    const [expireAudit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.delegationId, id), eq(auditLog.action, 'delegation.expire')));
    expect(expireAudit!.detail).toMatchObject({ from: 'approved', to: 'expired', reason: 'validity-ended' });
  });

  it('ends a single-use authorization after its one use', async () => {
    clock = new Date(clock.getTime() + DAY);
    await t.ctx.db.update(delegations).set({ status: 'cancelled' }).where(eq(delegations.status, 'pending'));
    const qiming = await companyIdOf(t, 'qiming-trade');
    const id = await approvedFor(
      'qiming-trade',
      { scopes: ['registration.change'], validity: { kind: 'single-use', matter: '变更经营范围' } },
      'B',
    );
    const decision = await authorize(t.ctx.db, {
      personId: li,
      companyId: qiming,
      scope: 'registration.change',
      now: clock,
    });
    if (!decision.allowed) throw new Error('expected allowed');
    expect(decision.singleUse).toBe(true);
    await t.ctx.db.transaction((tx) => auditActingFor(tx, decision, 'registration.change.submit', {}, clock));
    expect(
      await authorize(t.ctx.db, {
        personId: li,
        companyId: qiming,
        scope: 'registration.change',
        now: clock,
      }),
    ).toMatchObject({ allowed: false, code: 'DELEGATION_USED' });
    await expireDue(t.ctx, eq(delegations.id, id));
    const [row] = await t.ctx.db.select().from(delegations).where(eq(delegations.id, id));
    expect(row!.status).toBe('expired');
    const liToken = await t.signIn('li');
    const renew = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${id}/renew`,
      headers: { ...t.auth(liToken), ...idem() },
    });
    expect(renew.json().error.code).toBe('RENEWAL_NOT_POSSIBLE');
  });
});
