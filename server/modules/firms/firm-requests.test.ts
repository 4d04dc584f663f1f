import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, companies, delegations, inboxItems } from '../../db/schema';
import { demoFirm } from '../../seed/demo-data';
import { firmDelegationPort, type FirmRequestInput } from './firm-requests';
import { companyId, firmId, personId } from '../../test/firms-support';

// The firm's port onto the delegation module's request functions: what the legal representative
// is told, what is audited, and who may re-send.

let t: TestApp;
let firm: string;
let huang: string;

beforeAll(async () => {
  t = await createTestApp();
  firm = await firmId(t);
  huang = await personId(t, 'huang');
});
afterAll(async () => t.close());

const ask = (input: Partial<FirmRequestInput> & { companyId: string }) =>
  t.ctx.db.transaction((tx) =>
    firmDelegationPort.request(t.ctx, tx, {
      firmId: firm,
      firmName: demoFirm.name,
      requestedByPersonId: huang,
      scopes: ['tax.file'],
      validity: { kind: 'months', months: 12 },
      ...input,
    }),
  );

const auditOf = (delegationId: string) =>
  t.ctx.db.select().from(auditLog).where(eq(auditLog.delegationId, delegationId)).orderBy(asc(auditLog.id));

const inboxOf = async (delegationId: string) => {
  const [item] = await t.ctx.db
    .select()
    .from(inboxItems)
    .where(and(eq(inboxItems.refId, delegationId), eq(inboxItems.kind, 'delegation.request')));
  return item;
};

/** The firm's delegation for a company in a given status. */
const firmDelegation = async (company: string, status: 'pending' | 'approved') => {
  const [row] = await t.ctx.db
    .select()
    .from(delegations)
    .where(
      and(
        eq(delegations.companyId, company),
        eq(delegations.granteeFirmId, firm),
        eq(delegations.status, status),
      ),
    );
  if (!row) throw new Error(`no ${status} delegation of the firm`);
  return row;
};

describe('a firm-grantee request', () => {
  it('names the firm as grantee and to the legal representative, and audits the staff member', async () => {
    const yunfan = await companyId(t, 'yunfan-tech');
    const [company] = await t.ctx.db.select().from(companies).where(eq(companies.id, yunfan));
    const { row, linkPath } = await ask({ companyId: yunfan, note: '' });
    expect(row).toMatchObject({
      status: 'pending',
      granteeFirmId: firm,
      granteePersonId: null,
      requestedByPersonId: huang,
      grantorPersonId: company?.legalRepPersonId,
      note: null,
      requestedTasks: null,
      renewsDelegationId: null,
    });
    expect(linkPath).toMatch(/^\/a\/[\w-]{22}$/);
    expect(await inboxOf(row.id)).toMatchObject({
      personId: company?.legalRepPersonId,
      link: linkPath,
      title: {
        zh: `${demoFirm.name} 请求代 ${company?.name} 办事的授权`,
        en: `${demoFirm.name} asks to be given authorization to act for ${company?.name}`,
      },
    });
    const [audit] = await auditOf(row.id);
    expect(audit).toMatchObject({
      action: 'delegation.request',
      actorPersonId: huang,
      actingAs: 'firm-staff',
      firmId: firm,
      companyId: yunfan,
      detail: {
        to: 'pending',
        grantee: 'firm',
        scopes: ['tax.file'],
        validity: { kind: 'months', months: 12 },
        renews: null,
      },
    });
    expect(audit?.detail).not.toHaveProperty('tasks');

    await expect(ask({ companyId: yunfan })).rejects.toMatchObject({
      code: 'REQUEST_ALREADY_PENDING',
      message: expect.stringContaining('firm already has a request'),
    });
  });

  it('re-sends by staff or automatically, only for the firm’s own waiting request', async () => {
    const yunfan = await companyId(t, 'yunfan-tech');
    const pending = await firmDelegation(yunfan, 'pending');
    const resend = (by: { personId: string | null; firmId: string }) =>
      t.ctx.db.transaction((tx) => firmDelegationPort.resend(t.ctx, tx, pending, by));

    await expect(resend({ personId: huang, firmId: pending.companyId })).rejects.toMatchObject({
      code: 'REQUEST_NOT_PENDING',
    });
    const byStaff = await resend({ personId: huang, firmId: firm });
    expect((await inboxOf(pending.id))?.link).toBe(byStaff.linkPath);
    const automatic = await resend({ personId: null, firmId: firm });
    expect(automatic.linkPath).not.toBe(byStaff.linkPath);
    const resends = (await auditOf(pending.id)).filter((a) => a.action === 'delegation.resend');
    expect(resends.map((a) => [a.actorPersonId, a.actingAs, a.firmId, a.detail.automatic])).toEqual([
      [huang, 'firm-staff', firm, false],
      [null, 'system', firm, true],
    ]);
  });

  it('tells the legal representative a renewal is asked for', async () => {
    const meijia = await companyId(t, 'meijia-home');
    const current = await firmDelegation(meijia, 'approved');
    const { row } = await ask({ companyId: meijia, renewsDelegationId: current.id });
    expect(row.renewsDelegationId).toBe(current.id);
    expect((await inboxOf(row.id))?.title.en).toMatch(/asks to renew its authorization/);
    expect((await auditOf(row.id))[0]?.detail.renews).toBe(current.id);
  });
});
