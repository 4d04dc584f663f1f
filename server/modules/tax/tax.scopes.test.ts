import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, delegations, persons } from '../../db/schema';
import { caller, companyIdOf, DEMO_NOW, expectError, smallScaleInput } from '../../test/tax-support';

/*
 * Who may file (tax.file) and pay (tax.pay). Filing goes through the submit route with a quarter
 * that has not ended: an authorized person gets past authorization to PERIOD_NOT_ENDED (nothing is
 * filed), a refused one gets the authorization code.
 */

let t: TestApp;
let api: ReturnType<typeof caller>;
const ids = new Map<string, string>();
beforeAll(async () => {
  t = await createTestApp({ now: () => DEMO_NOW });
  api = caller(t);
  for (const key of ['yunfan-tech', 'qiming-trade', 'meijia-home', 'zhizao-tech'])
    ids.set(key, await companyIdOf(t, key));
});
afterAll(async () => t.close());

const id = (key: string): string => ids.get(key) ?? '';
const Q4 = { type: 'quarter', year: 2026, quarter: 4 } as const;

/** The outcome of trying to file for the company: 'ALLOWED' or the refusal code. */
const tryFiling = async (who: string, company: string): Promise<string> => {
  const res = await api.post(who, `/api/v1/companies/${id(company)}/tax/returns`, {
    period: Q4,
    input: smallScaleInput('1'),
    confirmedTotal: '0.00',
  });
  const code = (res.json() as { error?: { code: string } }).error?.code ?? '';
  return code === 'PERIOD_NOT_ENDED' ? 'ALLOWED' : code;
};

describe('tax.file matrix', () => {
  const matrix: [string, string, string][] = [
    ['chen', 'yunfan-tech', 'ALLOWED'],
    ['li', 'yunfan-tech', 'NO_DELEGATION'],
    ['zhou', 'meijia-home', 'ALLOWED'],
    ['zhou', 'zhizao-tech', 'NOT_IN_ACCESS_GROUP'],
    ['huang', 'meijia-home', 'ALLOWED'],
    ['huang', 'zhizao-tech', 'ALLOWED'],
    ['chen', 'qiming-trade', 'NOT_CONNECTED'],
    ['sun', 'zhizao-tech', 'NO_DELEGATION'],
    ['zhao', 'yunfan-tech', 'NOT_CONNECTED'],
  ];
  for (const [who, company, expected] of matrix) {
    it(`${who} → ${company}: ${expected}`, async () => {
      expect(await tryFiling(who, company)).toBe(expected);
    });
  }

  it('the same decision guards the prefill, the draft and the zero filing', async () => {
    const url = `/api/v1/companies/${id('yunfan-tech')}/tax`;
    expectError(
      await api.get('li', `${url}/prefill?form=vat-small-scale&periodKey=2026-Q3`),
      403,
      'NO_DELEGATION',
    );
    expectError(
      await api.put('li', `${url}/drafts`, { period: Q4, input: smallScaleInput('1') }),
      403,
      'NO_DELEGATION',
    );
    expectError(await api.post('li', `${url}/zero-returns`, { period: Q4 }), 403, 'NO_DELEGATION');
    expectError(
      await api.get('chen', `/api/v1/companies/${id('qiming-trade')}/tax/due`),
      403,
      'NOT_CONNECTED',
    );
  });

  it('firm staff file a nil return for a client in their group, audited as acting for the firm', async () => {
    const res = await api.post('zhou', `/api/v1/companies/${id('meijia-home')}/tax/zero-returns`, {
      period: { type: 'quarter', year: 2026, quarter: 3 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'accepted',
      zeroFiling: true,
      filer: { name: '周伟', actingAs: 'firm-staff' },
    });
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'tax.return.submit'));
    expect(audit.find((a) => a.companyId === id('meijia-home'))?.firmId).not.toBeNull();
  });
});

describe('a personal delegation: in scope, out of scope, expired, revoked', () => {
  let delegationId = '';
  it('a delegate with tax.file may file but not pay (SCOPE_NOT_GRANTED)', async () => {
    const [li] = await t.ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.name, '李晓红'));
    const [chen] = await t.ctx.db.select({ id: persons.id }).from(persons).where(eq(persons.name, '陈志明'));
    const [d] = await t.ctx.db
      .insert(delegations)
      .values({
        companyId: id('yunfan-tech'),
        grantorPersonId: chen!.id,
        granteePersonId: li!.id,
        requestedByPersonId: li!.id,
        scopes: ['tax.file'],
        status: 'approved',
        durationDays: 30,
        validFrom: new Date(DEMO_NOW.getTime() - 86_400_000),
        validUntil: new Date(DEMO_NOW.getTime() + 29 * 86_400_000),
        decidedAt: new Date(DEMO_NOW.getTime() - 86_400_000),
      })
      .returning({ id: delegations.id });
    delegationId = d!.id;
    expect(await tryFiling('li', 'yunfan-tech')).toBe('ALLOWED');
    const pay = await api.post(
      'li',
      `/api/v1/companies/${id('yunfan-tech')}/tax/payments/00000000-0000-4000-8000-000000000000/pay`,
      {},
    );
    expectError(pay, 403, 'SCOPE_NOT_GRANTED');
  });

  it('refuses once the delegation has expired', async () => {
    await t.ctx.db
      .update(delegations)
      .set({ validUntil: new Date(DEMO_NOW.getTime() - 1000) })
      .where(eq(delegations.id, delegationId));
    expect(await tryFiling('li', 'yunfan-tech')).toBe('DELEGATION_EXPIRED');
  });

  it('refuses once the delegation is revoked', async () => {
    await t.ctx.db
      .update(delegations)
      .set({ status: 'revoked', revokedAt: DEMO_NOW, validUntil: new Date(DEMO_NOW.getTime() + 86_400_000) })
      .where(eq(delegations.id, delegationId));
    expect(await tryFiling('li', 'yunfan-tech')).toBe('DELEGATION_REVOKED');
  });
});

describe('a firm delegation, expired then revoked', () => {
  it('firm staff and admin are refused once the firm’s delegation is no longer valid', async () => {
    await t.ctx.db
      .update(delegations)
      .set({ validUntil: new Date(DEMO_NOW.getTime() - 1000) })
      .where(eq(delegations.companyId, id('meijia-home')));
    expect(await tryFiling('zhou', 'meijia-home')).toBe('DELEGATION_EXPIRED');
    expect(await tryFiling('huang', 'meijia-home')).toBe('DELEGATION_EXPIRED');
    await t.ctx.db
      .update(delegations)
      .set({ status: 'revoked', revokedAt: DEMO_NOW })
      .where(eq(delegations.companyId, id('zhizao-tech')));
    expect(await tryFiling('huang', 'zhizao-tech')).toBe('DELEGATION_REVOKED');
  });
});

describe('invoice import needs invoice.manage', () => {
  it('refuses a person without it before reading the file', async () => {
    const res = await api.post('sun', `/api/v1/companies/${id('zhizao-tech')}/invoices/imports`, {
      fileName: 'x.csv',
      contentBase64: 'YQ==',
    });
    expectError(res, 403, 'NO_DELEGATION');
  });
});
