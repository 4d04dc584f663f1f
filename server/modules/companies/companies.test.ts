import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { companies } from '../../db/schema';
import { demoCompanies } from '../../seed/demo-data';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const idOf = async (key: string): Promise<string> => {
  const uscc = demoCompanies.find((c) => c.key === key)!.uscc;
  const [row] = await t.ctx.db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, uscc));
  return row!.id;
};

const list = async (person: string) => {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/v1/companies',
    headers: t.auth(await t.signIn(person)),
  });
  expect(res.statusCode).toBe(200);
  return res.json().companies as {
    name: string;
    roles: string[];
    canAct: boolean;
  }[];
};

describe('my companies', () => {
  it('lists a legal representative’s two companies, able to act', async () => {
    const rows = await list('chen');
    expect(rows.map((r) => r.name).sort()).toEqual(
      ['广州市云帆信息科技有限公司', '广州市云帆餐饮管理有限公司'].sort(),
    );
    expect(rows.every((r) => r.roles.includes('legal-representative') && r.canAct)).toBe(true);
  });

  it('lists an agent’s connections as view-only until a delegation is approved', async () => {
    const rows = await list('li');
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.roles.includes('agent') && !r.canAct)).toBe(true);
  });

  it('leaves firm clients to the firm workspace: staff reach them through their access groups', async () => {
    expect(await list('zhou')).toEqual([]);
    expect(await list('huang')).toEqual([]);
    const meijia = await idOf('meijia-home');
    const detail = (person: string, companyId: string) =>
      t
        .signIn(person)
        .then((token) =>
          t.app.inject({ method: 'GET', url: `/api/v1/companies/${companyId}`, headers: t.auth(token) }),
        );
    const staff = await detail('zhou', meijia);
    expect(staff.statusCode).toBe(200);
    expect(staff.json().actingAs).toBe('firm-staff');
    // 东莞松湖智造 is not in 周伟's access group.
    expect((await detail('zhou', await idOf('zhizao-tech'))).statusCode).toBe(403);
    const firms = await t.app.inject({
      method: 'GET',
      url: '/api/v1/firms',
      headers: t.auth(await t.signIn('huang')),
    });
    expect(firms.json().firms[0].visibleClients).toBe(2);
  });
});

describe('company home', () => {
  it('shows registration facts with the legal representative’s ID masked', async () => {
    const id = await idOf('yunfan-tech');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${id}`,
      headers: t.auth(await t.signIn('li')),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.legalRepresentative.name).toBe('陈志明');
    expect(body.legalRepresentative.residentIdMasked).toMatch(/^\d{4}\*{10}[0-9X]{4}$/);
    expect(body.actingAs).toBe('connected');
    expect(body.registeredCapital).toBe('1000000.00');
  });

  it('refuses a person with no connection, and answers 404 for an unknown company', async () => {
    const id = await idOf('qiming-trade');
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${id}`,
      headers: t.auth(await t.signIn('chen')),
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('NOT_CONNECTED');
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/companies/00000000-0000-4000-8000-000000000000',
      headers: t.auth(await t.signIn('chen')),
    });
    expect(missing.statusCode).toBe(404);
    const malformed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/companies/not-a-uuid',
      headers: t.auth(await t.signIn('chen')),
    });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.field).toBe('companyId');
  });
});
