import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { companies, firms, persons } from '../../db/schema';
import { demoCompanies, demoFirm, demoPeople } from '../../seed/demo-data';
import { writeAudit } from '../../audit/write';
import { readSheet } from '../../xlsx/read';

let t: TestApp;
let meijia: string;
let firmId: string;
let zhouId: string;
beforeAll(async () => {
  t = await createTestApp();
  const uscc = demoCompanies.find((c) => c.key === 'meijia-home')!.uscc;
  meijia = (await t.ctx.db.select().from(companies).where(eq(companies.uscc, uscc)))[0]!.id;
  firmId = (await t.ctx.db.select().from(firms).where(eq(firms.uscc, demoFirm.uscc)))[0]!.id;
  const zhouName = demoPeople.find((p) => p.key === 'zhou')!.name;
  zhouId = (await t.ctx.db.select().from(persons).where(eq(persons.name, zhouName)))[0]!.id;
  await writeAudit(t.ctx.db, {
    actorPersonId: zhouId,
    actingAs: 'firm-staff',
    firmId,
    companyId: meijia,
    action: 'tax.return.submit',
    detail: {
      period: '2026-Q3',
      signature: 'abc',
      contactPhone: '13912345678',
      holderId: '440106199001011234',
    },
  });
  // Back-date a second entry to test the date filter (China days).
  await writeAudit(t.ctx.db, {
    actorPersonId: zhouId,
    actingAs: 'firm-staff',
    firmId,
    companyId: meijia,
    action: 'invoice.import',
    detail: { lines: 3 },
  });
  await t.ctx.db.execute(
    `update audit_log set at = '2026-01-01T15:59:00Z' where action = 'invoice.import' and company_id = '${meijia}'`,
  );
});
afterAll(async () => t.close());

const get = async (person: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: t.auth(await t.signIn(person)) });

describe('company activity log (操作日志)', () => {
  it('shows the legal representative every action of the firm, masked, with facets', async () => {
    const res = await get('liu', `/api/v1/companies/${meijia}/activity`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    const filed = page.entries.find((e: { action: string }) => e.action === 'tax.return.submit');
    expect(filed.firm.name).toBe(demoFirm.name);
    expect(filed.detail).toEqual({
      period: '2026-Q3',
      contactPhone: '139****5678',
      holderId: '4401**********1234',
    });
    expect(page.facets.actors.some((a: { key: string }) => a.key === `firm:${firmId}`)).toBe(true);
    expect(page.facets.actions.some((a: { action: string }) => a.action === 'invoice.import')).toBe(true);
  });

  it('filters by actor, action (exact or prefix) and China date range', async () => {
    const base = `/api/v1/companies/${meijia}/activity`;
    const byFirm = (await get('liu', `${base}?actor=firm:${firmId}`)).json();
    expect(byFirm.entries.every((e: { firm: { id: string } }) => e.firm?.id === firmId)).toBe(true);
    // The two above and the seeded delegation the firm holds.
    expect(byFirm.total).toBe(3);
    expect(byFirm.entries).toHaveLength(3);
    const byPerson = (await get('liu', `${base}?actor=${zhouId}&action=tax.`)).json();
    expect(byPerson.entries.map((e: { action: string }) => e.action)).toEqual(['tax.return.submit']);
    // 2026-01-01T15:59Z is 23:59 on 1 January in China: inside the 1 January, outside 2 January.
    const jan1 = (await get('liu', `${base}?from=2026-01-01&to=2026-01-01`)).json();
    expect(jan1.entries.map((e: { action: string }) => e.action)).toEqual(['invoice.import']);
    const jan2 = (await get('liu', `${base}?from=2026-01-02&to=2026-01-02`)).json();
    expect(jan2.total).toBe(0);
    expect((await get('liu', `${base}?actor=not-an-id`)).json().total).toBe(0);
  });

  it('is the legal representative’s alone: firm staff and outsiders are refused', async () => {
    const staff = await get('zhou', `/api/v1/companies/${meijia}/activity`);
    expect(staff.statusCode).toBe(403);
    expect(staff.json().error.code).toBe('NOT_LEGAL_REPRESENTATIVE');
    expect((await get('zhao', `/api/v1/companies/${meijia}/activity`)).statusCode).toBe(403);
    expect((await get('chen', `/api/v1/companies/${meijia}/activity.xlsx`)).statusCode).toBe(403);
  });

  it('exports the filtered log to Excel in the reader’s language', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/companies/${meijia}/activity.xlsx?actor=firm:${firmId}`,
      headers: { ...t.auth(await t.signIn('liu')), 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/activity-log-\d{4}-\d{2}-\d{2}\.xlsx/);
    const sheet = readSheet(res.rawPayload);
    expect(sheet.rows[0]!.cells).toContain('Action');
    const texts = sheet.rows.slice(1).map((r) => r.cells.join('|'));
    expect(texts).toHaveLength(3);
    expect(texts.some((r) => r.includes('Filed a tax return') && r.includes('139****5678'))).toBe(true);
    expect(texts.join('\n')).not.toContain('13912345678');
  });
});
