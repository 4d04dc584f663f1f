import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { abnormalListEntries, auditLog, companies, licences } from '../../db/schema';
import { seedDemoLicences } from '../../seed/licences';
import { seedDemoAnnualReports } from '../../seed/annual-reports';
import { caller, companyIdOf, expectError } from '../../test/tax-support';
import { sampleContent } from '../../../shared/lifecycle/testing';
import type {
  AnnualReportOverview,
  AnnualReportPrefill,
  DisclosureRecord,
} from '../../../shared/api/annual-reports';
import { assertNotOnAbnormalList, listMissingAnnualReports } from '.';

/** A test clock the test moves; the platform reads it through ctx.now. */
let clock = new Date('2026-03-15T04:00:00Z');
let t: TestApp;
let call: ReturnType<typeof caller>;
let tech: string;
let techUscc: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  await seedDemoAnnualReports(t.ctx); // everything up to 2024 filed; 2025 open
  call = caller(t);
  tech = await companyIdOf(t, 'yunfan-tech');
  const [c] = await t.ctx.db.select({ uscc: companies.uscc }).from(companies).where(eq(companies.id, tech));
  techUscc = c!.uscc;
});
afterAll(() => t.close());

/** Moves the clock; sessions last hours, so callers sign in again at the new time. */
const at = (iso: string): void => {
  clock = new Date(iso);
  call = caller(t);
};

const reports = (id: string) => `/api/v1/companies/${id}/annual-reports`;
const disclosure = async (uscc: string): Promise<DisclosureRecord> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/gs/${uscc}` });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const reportSection = (d: DisclosureRecord) => {
  const s = d.sections.find((x) => x.kind === 'annual-reports');
  if (s?.kind !== 'annual-reports') throw new Error('no annual report section');
  return s;
};
const listSection = (d: DisclosureRecord) => {
  const s = d.sections.find((x) => x.kind === 'abnormal-list');
  if (s?.kind !== 'abnormal-list') throw new Error('no abnormal list section');
  return s;
};

describe('annual report filing', () => {
  it('shows the open year with the days left to 30 June', async () => {
    const res = await call.get('chen', reports(tech));
    expect(res.statusCode).toBe(200);
    const o = res.json<AnnualReportOverview>();
    expect(o.due).toMatchObject({ openYear: 2025, daysLeft: 107, overdueYears: [] });
    expect(o.abnormalList.listed).toBe(false);
    const mine = await call.get('chen', '/api/v1/annual-reports/due');
    expect(mine.json<{ items: { companyId: string }[] }>().items.map((i) => i.companyId)).toContain(tech);
  });

  it('prefills from registration, roles and the previous report, and asks for the rest', async () => {
    const res = await call.get('chen', `${reports(tech)}/2025/prefill`);
    expect(res.statusCode).toBe(200);
    const p = res.json<AnnualReportPrefill>();
    expect(p.late).toBe(false);
    expect(p.sources).toMatchObject({
      address: 'registration',
      shareholders: 'company-roles',
      phone: 'previous-report',
    });
    expect(p.content.shareholders).toEqual([
      expect.objectContaining({
        name: '陈志明',
        subscribed: expect.objectContaining({ amount: '1000000.00' }),
      }),
    ]);
    expect(p.ask).toContain('headcount');
    expect(p.ask).not.toContain('address');
    expect(p.withheld).toEqual(['socialInsurance']);
  });

  it('refuses a person without the scope, a year not ended, and nothing is filed', async () => {
    const body = { reportYear: 2025, content: sampleContent(), withheld: [] };
    expectError(await call.post('li', reports(tech), body), 403, 'NO_DELEGATION');
    expectError(
      await call.post('chen', reports(tech), { ...body, reportYear: 2026 }),
      422,
      'ANNUAL_REPORT_OUTSIDE_WINDOW',
    );
    expect((await call.get('chen', reports(tech))).json<AnnualReportOverview>().due.openYear).toBe(2025);
  });

  it('files once (a retry replays), audits in the same transaction, and refuses a second report', async () => {
    const body = { reportYear: 2025, content: sampleContent(), withheld: ['netProfit', 'socialInsurance'] };
    const first = await call.post('chen', reports(tech), body, 'annual-2025-tech');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      reportYear: 2025,
      version: 1,
      late: false,
      disclosurePath: `/gs/${techUscc}`,
    });
    const retry = await call.post('chen', reports(tech), body, 'annual-2025-tech');
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, tech), eq(auditLog.action, 'annual-report.file')));
    expect(audits).toHaveLength(1);
    const again = await call.post('chen', reports(tech), body);
    expectError(again, 409, 'ANNUAL_REPORT_ALREADY_FILED');
    expect(again.json<{ error: { field: string; message: string } }>().error.field).toBe('reportYear');
  });

  it('publishes public items only on the disclosure page, without sign-in', async () => {
    const d = await disclosure(techUscc);
    expect(d.name).toBe('广州市云帆信息科技有限公司');
    const latest = reportSection(d).reports[0]!;
    expect(latest).toMatchObject({ reportYear: 2025, version: 1, superseded: false });
    expect(latest.items.find((i) => i.key === 'netProfit')).toEqual({ key: 'netProfit', published: false });
    expect(latest.items.find((i) => i.key === 'totalRevenue')).toMatchObject({
      published: true,
      value: '3200000.00',
    });
    expect(latest.items.find((i) => i.key === 'socialInsurance')).toEqual({
      key: 'socialInsurance',
      published: false,
    });
    expect(JSON.stringify(d)).not.toContain('-20000.50');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/gs/91440101MA5XXXXX0X' });
    expect(unknown.statusCode).toBe(404);
  });

  it('corrects until 30 June with both versions public, then refuses', async () => {
    const res = await call.post('chen', `${reports(tech)}/2025/corrections`, {
      content: { ...sampleContent(), headcount: 14 },
      withheld: ['socialInsurance'],
      note: '从业人数更正',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 2 });
    const versions = reportSection(await disclosure(techUscc)).reports.filter((r) => r.reportYear === 2025);
    expect(versions.map((v) => [v.version, v.superseded])).toEqual([
      [2, false],
      [1, true],
    ]);
    at('2026-06-30T17:00:00Z'); // 1 July in China
    const late = await call.post('chen', `${reports(tech)}/2025/corrections`, {
      content: sampleContent(),
      withheld: [],
      note: '再次更正',
    });
    expectError(late, 422, 'ANNUAL_REPORT_CORRECTION_CLOSED');
  });
});

describe('founded this year', () => {
  it('owes nothing in its founding year and says so', async () => {
    at('2021-05-01T04:00:00Z');
    const food = await companyIdOf(t, 'yunfan-food'); // established 2021-03-09
    const res = await call.get('chen', `${reports(food)}/2020/prefill`);
    expectError(res, 422, 'ANNUAL_REPORT_FOUNDED_THIS_YEAR');
  });
});

describe('abnormal operations list', () => {
  it('lists nobody before 1 July, then every company without its report, exactly once', async () => {
    at('2026-06-30T04:00:00Z');
    expect(await listMissingAnnualReports(t.ctx, 2025)).toMatchObject({ ran: false, listed: [] });
    at('2026-07-01T01:00:00Z');
    const run = await listMissingAnnualReports(t.ctx, 2025);
    expect(run.ran).toBe(true);
    const qiming = await companyIdOf(t, 'qiming-trade');
    expect(run.listed).toContain(qiming);
    expect(run.listed).not.toContain(tech);
    const again = await listMissingAnnualReports(t.ctx, 2025);
    expect(again).toMatchObject({ ran: false, listed: [] });
    const entries = await t.ctx.db
      .select()
      .from(abnormalListEntries)
      .where(eq(abnormalListEntries.companyId, qiming));
    expect(entries).toHaveLength(1);
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, qiming), eq(auditLog.action, 'abnormal-list.list')));
    expect(audits).toHaveLength(1);
    await expect(assertNotOnAbnormalList(t.ctx.db, qiming, 'simplified-deregistration')).rejects.toThrow(
      /COMPANY_ON_ABNORMAL_LIST/,
    );
    await expect(
      assertNotOnAbnormalList(t.ctx.db, tech, 'simplified-deregistration'),
    ).resolves.toBeUndefined();
  });

  it('shows the listing as a notice on the verification of the company’s licences', async () => {
    await seedDemoLicences(t.ctx);
    const food = await companyIdOf(t, 'yunfan-food'); // listed: no 2025 report
    const verify = async (companyId: string) => {
      const [l] = await t.ctx.db.select().from(licences).where(eq(licences.companyId, companyId)).limit(1);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/licences/verify',
        payload: { licence: l!.signed },
      });
      expect(res.statusCode).toBe(200);
      return res.json<{ notices?: { zh: string }[] }>();
    };
    expect((await verify(food)).notices?.[0]?.zh).toContain('经营异常名录');
    expect((await verify(tech)).notices).toBeUndefined();
  });

  it('removal needs the missing year filed late first, then is decided at once and shown with its history', async () => {
    const qiming = await companyIdOf(t, 'qiming-trade');
    const [q] = await t.ctx.db
      .select({ uscc: companies.uscc })
      .from(companies)
      .where(eq(companies.id, qiming));
    expect(listSection(await disclosure(q!.uscc)).listed).toBe(true);
    at('2026-07-10T04:00:00Z');
    expectError(
      await call.post('wang', `/api/v1/companies/${qiming}/abnormal-list/removal`, {}),
      422,
      'ABNORMAL_REMOVAL_REPORTS_MISSING',
    );
    const filed = await call.post('wang', reports(qiming), {
      reportYear: 2025,
      content: sampleContent(),
      withheld: [],
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ late: true });
    const removal = await call.post('wang', `/api/v1/companies/${qiming}/abnormal-list/removal`, {});
    expect(removal.statusCode).toBe(200);
    expect(removal.json()).toEqual({ removed: [2025], removedOn: '2026-07-10' });
    const list = listSection(await disclosure(q!.uscc));
    expect(list.listed).toBe(false);
    expect(list.entries).toEqual([
      expect.objectContaining({ reportYear: 2025, listedOn: '2026-07-01', removedOn: '2026-07-10' }),
    ]);
    expectError(
      await call.post('wang', `/api/v1/companies/${qiming}/abnormal-list/removal`, {}),
      409,
      'ABNORMAL_LIST_NOT_LISTED',
    );
  });
});
