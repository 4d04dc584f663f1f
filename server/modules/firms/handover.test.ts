import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import {
  auditLog,
  companies,
  delegations,
  firmClients,
  firmMembers,
  firms,
  inboxItems,
} from '../../db/schema';
import { syntheticUscc } from '../../../shared/identifiers/generate';
import { approveAs, tokenOf, useFaceDouble } from '../../test/delegation-support';
import { companyId, firmId, idem, personId, tokens } from '../../test/firms-support';

// Firm handover: the client 佛山美家 moves from the demo firm (A) to a new firm (B, admin 孙浩).
let t: TestApp;
let as: (key: string) => Promise<{ authorization: string }>;
let firmA: string;
let firmB: string;
let meijia: string;

beforeAll(async () => {
  t = await createTestApp();
  as = tokens(t);
  await useFaceDouble(t);
  firmA = await firmId(t);
  meijia = await companyId(t, 'meijia-home');
  const [b] = await t.ctx.db
    .insert(firms)
    .values({ name: '佛山新锐财税咨询有限公司（测试）', uscc: syntheticUscc(4242, '440606') })
    .returning();
  firmB = b!.id;
  await t.ctx.db
    .insert(firmMembers)
    .values({ firmId: firmB, personId: await personId(t, 'sun'), role: 'admin' });
  await t.ctx.db.insert(firmClients).values({ firmId: firmB, companyId: meijia });
});
afterAll(async () => t.close());

const ask = async () =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/firms/${firmB}/clients/${meijia}/handover`,
    headers: { ...(await as('sun')), ...idem() },
    payload: {
      scopes: ['tax.file', 'invoice.manage'],
      validity: { kind: 'months', months: 12 },
      note: '客户转入',
    },
  });

const detailAs = async (who: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/companies/${meijia}`, headers: await as(who) });

describe('firm handover', () => {
  it('refuses a handover where no other firm acts for the client', async () => {
    const yunfan = await companyId(t, 'yunfan-tech');
    await t.ctx.db.insert(firmClients).values({ firmId: firmB, companyId: yunfan });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/firms/${firmB}/clients/${yunfan}/handover`,
      headers: { ...(await as('sun')), ...idem() },
      payload: { scopes: ['tax.file'], validity: { kind: 'months', months: 12 } },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NO_FIRM_TO_REPLACE');
  });

  it('shows the legal representative what B asks and what A holds; approving by face moves the client in one event', async () => {
    expect((await detailAs('zhou')).json().actingAs).toBe('firm-staff');
    const res = await ask();
    expect(res.statusCode).toBe(201);
    const token = tokenOf(res.json().linkPath);
    const view = await t.app.inject({ method: 'GET', url: `/api/v1/approvals/${token}` });
    expect(view.json().handover).toMatchObject({
      fromFirm: '广州诚信财税代理有限公司',
      toFirm: '佛山新锐财税咨询有限公司（测试）',
      held: [{ status: 'approved' }],
    });
    expect(view.json().scopes).toEqual(['tax.file', 'invoice.manage']);
    // A still acts until the legal representative approves.
    expect((await detailAs('zhou')).statusCode).toBe(200);

    const approved = await approveAs(t, token, 'A');
    expect(approved.statusCode).toBe(200);

    // A loses access at once; B acts.
    const a = await detailAs('zhou');
    expect(a.statusCode).toBe(403);
    expect((await detailAs('sun')).json().actingAs).toBe('firm-staff');
    const rows = await t.ctx.db.select().from(delegations).where(eq(delegations.companyId, meijia));
    expect(rows.filter((d) => d.granteeFirmId === firmA).map((d) => d.status)).toEqual(['revoked']);
    expect(rows.filter((d) => d.granteeFirmId === firmB).map((d) => d.status)).toEqual(['approved']);

    // One audit event for the whole change, no separate approval or revocation rows.
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.companyId, meijia),
          inArray(auditLog.action, ['delegation.handover', 'delegation.approve', 'delegation.revoke']),
        ),
      );
    expect(audit.map((x) => x.action)).toEqual(['delegation.handover']);
    expect(audit[0]!.detail).toMatchObject({
      fromFirmId: firmA,
      toFirmId: firmB,
      ended: [{ status: 'revoked' }],
    });

    // Both firms and the legal representative are told.
    const told = await t.ctx.db
      .select({ personId: inboxItems.personId })
      .from(inboxItems)
      .where(eq(inboxItems.kind, 'delegation.handover'));
    const people = new Set(told.map((x) => x.personId));
    for (const who of ['huang', 'zhou', 'sun', 'liu']) expect(people.has(await personId(t, who))).toBe(true);

    // A's past actions stay in the company's activity log, readable by the legal representative.
    const log = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${meijia}/activity?actor=firm:${firmA}`,
      headers: await as('liu'),
    });
    expect(log.json().total).toBeGreaterThan(0);
    const [company] = await t.ctx.db.select().from(companies).where(eq(companies.id, meijia));
    expect(company).toBeDefined();
  });

  it('the legal representative’s ledger shows the handover as one entry, from A to B', async () => {
    const ledger = async (query = '') =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/delegations/granted?companyId=${meijia}${query}`,
          headers: await as('liu'),
        })
      ).json().delegations as {
        status: string;
        granteeFirm: { id: string } | null;
        handover?: { role: string; fromFirm: string; toFirm: string; ended: number } | null;
      }[];
    const all = await ledger();
    // A's revoked authorization is folded into B's: one entry, not a revocation plus a grant.
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      status: 'approved',
      granteeFirm: { id: firmB },
      handover: {
        role: 'granted',
        fromFirm: '广州诚信财税代理有限公司',
        toFirm: '佛山新锐财税咨询有限公司（测试）',
        ended: 1,
      },
    });
    // Filtered to revoked ones, A's stands alone and says where the client went.
    const revoked = await ledger('&status=revoked');
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ granteeFirm: { id: firmA }, handover: { role: 'ended' } });
    // The firm's own ledger and the audit are untouched: both rows are still there.
    const rows = await t.ctx.db.select().from(delegations).where(eq(delegations.companyId, meijia));
    expect(rows).toHaveLength(2);
  });
});
