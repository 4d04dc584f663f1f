import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/harness';
import { companyIdOf, idem, personIdOf } from '../test/delegation-support';
import { accessGroupStaff, companies, delegations } from '../db/schema';
import { AuthorityCache, authorityCacheOf } from './authority-cache';
import { scopesCover } from '../../shared/delegation/scopes';

/**
 * The authority cache of guarded reads (company home, wallet): a cached decision is re-checked in
 * the read's own statement, so any change that ends it is refused at the next read, whichever path
 * made the change (the revoke route, the expiry sweep, a firm admin's access groups, a handover).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const read = async (token: string, path: string): Promise<{ status: number; code?: string }> => {
  const res = await t.app.inject({ method: 'GET', url: path, headers: t.auth(token) });
  return { status: res.statusCode, code: (res.json() as { error?: { code: string } }).error?.code };
};

/** An approved delegation from chen to li for a company, as the approval flow leaves it. */
const grantToLi = async (companyKey: string, scopes: string[]): Promise<string> => {
  const [row] = await t.ctx.db
    .insert(delegations)
    .values({
      companyId: await companyIdOf(t, companyKey),
      grantorPersonId: await personIdOf(t, 'chen'),
      granteePersonId: await personIdOf(t, 'li'),
      requestedByPersonId: await personIdOf(t, 'li'),
      scopes,
      status: 'approved',
      validFrom: new Date(t.ctx.now().getTime() - 60_000),
      validUntil: new Date(t.ctx.now().getTime() + 86_400_000),
    })
    .returning({ id: delegations.id });
  return row!.id;
};

describe('authority cache', () => {
  it('answers a repeated read from the cache, and a revoke refuses the next read at once', async () => {
    const companyId = await companyIdOf(t, 'yunfan-tech');
    const delegationId = await grantToLi('yunfan-tech', ['company.view']);
    const li = await t.signIn('li');
    const chen = await t.signIn('chen');
    const wallet = `/api/v1/companies/${companyId}/licences`;
    expect((await read(li, wallet)).status).toBe(200);
    const key = AuthorityCache.key(await personIdOf(t, 'li'), companyId, 'company.view');
    expect(authorityCacheOf(t.ctx).get(key)).toBeUndefined(); // delegates are decided afresh: a new grant shows at once
    expect((await read(li, wallet)).status).toBe(200);

    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/delegations/${delegationId}/revoke`,
      headers: { ...t.auth(chen), ...idem() },
      payload: {},
    });
    expect(revoked.statusCode).toBe(200);
    expect(await read(li, wallet)).toEqual({ status: 403, code: 'DELEGATION_REVOKED' });
    expect(authorityCacheOf(t.ctx).get(key)).toBeUndefined();
  });

  it('refuses a cached delegate once the delegation lapses, with no event at all', async () => {
    const companyId = await companyIdOf(t, 'yunfan-food');
    const delegationId = await grantToLi('yunfan-food', ['company.view']);
    const li = await t.signIn('li');
    // The wallet needs the scope (li's role connection alone would show the company home).
    const wallet = `/api/v1/companies/${companyId}/licences`;
    expect((await read(li, wallet)).status).toBe(200);
    expect((await read(li, wallet)).status).toBe(200);
    // Its end passes (what the expiry sweep finds later): only the guard in the read can see it.
    await t.ctx.db
      .update(delegations)
      .set({ validUntil: new Date(t.ctx.now().getTime() - 1000) })
      .where(eq(delegations.id, delegationId));
    expect(await read(li, wallet)).toEqual({ status: 403, code: 'DELEGATION_EXPIRED' });
  });

  it('refuses a cached scope that no longer covers the read', async () => {
    const companyId = await companyIdOf(t, 'qiming-trade');
    const other = ['tax.file', 'tax.pay', 'licence.apply', 'licence.use', 'registration.change'];
    const [row] = await t.ctx.db
      .insert(delegations)
      .values({
        companyId,
        grantorPersonId: await personIdOf(t, 'wang'),
        granteePersonId: await personIdOf(t, 'li'),
        requestedByPersonId: await personIdOf(t, 'li'),
        scopes: ['company.view', ...other],
        status: 'approved',
      })
      .returning({ id: delegations.id });
    const li = await t.signIn('li');
    const wallet = `/api/v1/companies/${companyId}/licences`;
    expect((await read(li, wallet)).status).toBe(200);
    const narrowed = other.filter((s) => !scopesCover([s], 'company.view'));
    await t.ctx.db.update(delegations).set({ scopes: narrowed }).where(eq(delegations.id, row!.id));
    expect(await read(li, wallet)).toEqual({ status: 403, code: 'SCOPE_NOT_GRANTED' });
  });

  it('refuses firm staff taken out of the access group that holds the client', async () => {
    const companyId = await companyIdOf(t, 'meijia-home');
    const zhouId = await personIdOf(t, 'zhou');
    const zhou = await t.signIn('zhou');
    const wallet = `/api/v1/companies/${companyId}/licences`;
    expect((await read(zhou, wallet)).status).toBe(200);
    expect(
      authorityCacheOf(t.ctx).get(AuthorityCache.key(zhouId, companyId, 'company.view')),
    ).toBeUndefined();
    const removed = await t.ctx.db
      .delete(accessGroupStaff)
      .where(eq(accessGroupStaff.personId, zhouId))
      .returning();
    expect(removed.length).toBeGreaterThan(0);
    expect(await read(zhou, wallet)).toEqual({ status: 403, code: 'NOT_IN_ACCESS_GROUP' });
    await t.ctx.db.insert(accessGroupStaff).values(removed);
    expect((await read(zhou, wallet)).status).toBe(200);
  });

  it('answers a handed-over company with the new decision, not the old role', async () => {
    const companyId = await companyIdOf(t, 'zhizao-tech');
    const liu = await t.signIn('liu');
    const home = `/api/v1/companies/${companyId}`;
    const before = await t.app.inject({ method: 'GET', url: home, headers: t.auth(liu) });
    expect((before.json() as { actingAs: string }).actingAs).toBe('legal-representative');
    const liuId = await personIdOf(t, 'liu');
    const sunId = await personIdOf(t, 'sun');
    await t.ctx.db
      .update(companies)
      .set({ legalRepPersonId: sunId })
      .where(and(eq(companies.id, companyId), eq(companies.legalRepPersonId, liuId)));
    const after = await t.app.inject({ method: 'GET', url: home, headers: t.auth(liu) });
    // Still connected by her role maybe, but no longer as the legal representative.
    expect(
      after.statusCode === 200 ? (after.json() as { actingAs: string }).actingAs : after.statusCode,
    ).not.toBe('legal-representative');
    await t.ctx.db.update(companies).set({ legalRepPersonId: liuId }).where(eq(companies.id, companyId));
  });
});
