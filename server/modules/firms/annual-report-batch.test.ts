import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { annualReports, auditLog, batches, batchItems } from '../../db/schema';
import { BatchRunner, setRunnerFor } from '../batches/runner';
import { seedFirmClients } from '../../seed/firm';
import { firmBatchKinds, firmRunner } from './firm-batches';
import { companyId, idem, tokens } from '../../test/firms-support';
import type { AnnualReportContent } from '../../../shared/lifecycle/annual-report-fields';
import type { AnnualReportReviewRow } from '../../../shared/firms/annual-report-batch';

/** Inside the window of the 2026 report: 15 March 2027, 107 days before 30 June. */
const NOW = new Date('2027-03-15T02:00:00Z');
const YEAR = 2026;

let t: TestApp;
let as: (key: string) => Promise<{ authorization: string }>;
let firm: string;
let clients: string[];

/** What a firm supplies for a client: the items the platform cannot know. */
const figures: Partial<AnnualReportContent> = {
  headcount: 12,
  totalAssets: '1200000.00',
  totalLiabilities: '300000.00',
  guaranteesGiven: '0',
  ownersEquity: '900000.00',
  totalRevenue: '2400000.00',
  mainBusinessRevenue: '2300000.00',
  totalProfit: '200000.00',
  netProfit: '150000.00',
  totalTaxPaid: '36000.00',
  socialInsurance: { pension: 12, unemployment: 12, medical: 12, workInjury: 12, maternity: 12 },
};

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  as = tokens(t);
  const seeded = await seedFirmClients(t.ctx, {
    count: 14,
    allActive: true,
    annualReports: true,
    groupShare: 0.5,
  });
  firm = seeded.firmId;
  clients = seeded.companyIds;
});
afterAll(async () => t.close());

const post = async (who: string, path: string, payload: object, key = idem()) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/firms/${firm}/batches/annual-report${path}`,
    headers: { ...(await as(who)), ...key },
    payload,
  });

const review = async (who: string, clientsSel: object): Promise<AnnualReportReviewRow[]> => {
  const res = await post(who, '/review', { reportYear: YEAR, clients: clientsSel });
  expect(res.statusCode).toBe(200);
  return res.json().rows as AnnualReportReviewRow[];
};

const reportsPerClient = async (ids: readonly string[]): Promise<number[]> => {
  const rows = await t.ctx.db
    .select({ companyId: annualReports.companyId, n: count() })
    .from(annualReports)
    .where(and(inArray(annualReports.companyId, [...ids]), eq(annualReports.reportYear, YEAR)))
    .groupBy(annualReports.companyId);
  return ids.map((id) => Number(rows.find((r) => r.companyId === id)?.n ?? 0));
};

const items = (ids: readonly string[]) => ids.map((companyId) => ({ companyId, supplied: figures }));

describe('batch annual reports for firm clients', () => {
  it('reviews the clients with a report due: prefilled items, missing items, and who cannot file', async () => {
    const rows = await review('huang', { selector: 'due' });
    const mine = rows.filter((r) => clients.includes(r.companyId));
    expect(mine).toHaveLength(clients.length);
    for (const r of mine) {
      expect(r.code).toBeNull();
      expect(r.daysLeft).toBe(107);
      // Registration, roles and last year's report are known; the year's figures are not.
      expect(r.sources).toMatchObject({
        address: 'registration',
        shareholders: 'company-roles',
        phone: 'previous-report',
      });
      expect(r.missing).toEqual(expect.arrayContaining(['headcount', 'totalAssets', 'socialInsurance']));
      expect(r.missing).not.toContain('address');
    }
    // The demo firm's own clients: its authorization does not cover the annual report.
    const meijia = rows.find((r) => r.companyId !== undefined && !clients.includes(r.companyId));
    expect(meijia?.code).toBe('SCOPE_NOT_GRANTED');
    expect(meijia?.content).toEqual({});
  });

  it('refuses a client still missing a required item, naming it, and creates nothing', async () => {
    const before = await t.ctx.db.select({ n: count() }).from(batches);
    const { headcount: _, ...withoutHeadcount } = figures;
    const res = await post('huang', '', {
      reportYear: YEAR,
      items: [
        { companyId: clients[0], supplied: figures },
        { companyId: clients[1], supplied: withoutHeadcount },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'ANNUAL_REPORT_INCOMPLETE',
      field: 'items.1.supplied.headcount',
    });
    expect(res.json().error.message).toContain('从业人数');
    expect(await t.ctx.db.select({ n: count() }).from(batches)).toEqual(before);
    expect(await reportsPerClient(clients.slice(0, 2))).toEqual([0, 0]);
  });

  it('files each client once, audited as the firm acting on its authorization; a replay returns the batch', async () => {
    const group = clients.slice(0, 2);
    const key = idem();
    const res = await post('huang', '', { reportYear: YEAR, items: items(group) }, key);
    expect(res.statusCode).toBe(201);
    const replay = await post('huang', '', { reportYear: YEAR, items: items(group) }, key);
    expect(replay.json()).toMatchObject({ id: res.json().id });
    await firmRunner(t.ctx).idle(res.json().id);

    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/firms/${firm}/batches/${res.json().id}`,
      headers: await as('huang'),
    });
    expect(detail.json().status).toBe('done');
    expect(detail.json().items.map((i: { outcome: { zh: string } }) => i.outcome.zh)).toEqual([
      `已报送${YEAR}年度报告并公示`,
      `已报送${YEAR}年度报告并公示`,
    ]);
    expect(await reportsPerClient(group)).toEqual([1, 1]);
    const filed = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(inArray(auditLog.companyId, group), eq(auditLog.action, 'annual-report.file')));
    expect(filed).toHaveLength(2);
    for (const a of filed) {
      expect(a.actingAs).toBe('firm-staff');
      expect(a.firmId).toBe(firm);
      expect(a.delegationId).not.toBeNull();
    }
    // The firm's supplied figures and the prefilled facts are what was filed.
    const [report] = await t.ctx.db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.companyId, group[0]!), eq(annualReports.reportYear, YEAR)));
    expect(report?.content).toMatchObject({ headcount: 12, totalAssets: '1200000.00' });
    expect(report?.firmId).toBe(firm);
  });

  it('never files a second report for a year: the review says so, and a batch skips with an offer to correct', async () => {
    const group = clients.slice(0, 2);
    const rows = await review('huang', { companyIds: group });
    expect(rows.map((r) => r.code)).toEqual(['ANNUAL_REPORT_ALREADY_FILED', 'ANNUAL_REPORT_ALREADY_FILED']);
    expect(rows[0]?.reason?.zh).toContain('更正');
    // Not offered under "due" any more.
    expect((await review('huang', { selector: 'due' })).map((r) => r.companyId)).not.toContain(group[0]);
    const res = await post('huang', '', { reportYear: YEAR, items: items(group) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NOTHING_TO_DO');
    expect(await reportsPerClient(group)).toEqual([1, 1]);
  });

  it('resumes after a crash in the middle of a chunk: every client filed and audited exactly once', async () => {
    const group = clients.slice(2, 9);
    const first = new BatchRunner(t.ctx, firmBatchKinds, { chunkSize: 3, crashAtItem: 5, concurrency: 1 });
    setRunnerFor(t.ctx, first);
    const res = await post('huang', '', { reportYear: YEAR, items: items(group) });
    expect(res.statusCode).toBe(201);
    const batchId: string = res.json().id;
    await first.idle(batchId);
    const mid = await t.ctx.db
      .select()
      .from(batchItems)
      .where(eq(batchItems.batchId, batchId))
      .orderBy(asc(batchItems.seq));
    const order = mid.map((i) => i.companyId);
    // The first chunk committed; the second died at its 2nd item, its 1st filed but never committed.
    expect(mid.map((i) => i.status)).toEqual([...Array(3).fill('done'), ...Array(4).fill('pending')]);
    expect(await reportsPerClient(order)).toEqual([...Array(3).fill(1), ...Array(4).fill(0)]);

    const second = new BatchRunner(t.ctx, firmBatchKinds, { chunkSize: 3 });
    setRunnerFor(t.ctx, second);
    expect(await second.resume()).toBe(1);
    await second.idle(batchId);
    const after = await t.ctx.db.select().from(batchItems).where(eq(batchItems.batchId, batchId));
    expect(after.every((i) => i.status === 'done')).toBe(true);
    expect(await reportsPerClient(order)).toEqual(Array(7).fill(1));
    const audits = await t.ctx.db
      .select({ companyId: auditLog.companyId, n: count() })
      .from(auditLog)
      .where(and(inArray(auditLog.companyId, order), eq(auditLog.action, 'batch.annual-report')))
      .groupBy(auditLog.companyId);
    expect(audits.map((a) => Number(a.n))).toEqual(Array(7).fill(1));
  });

  it('shows staff the clients outside their access groups only masked, and never files them', async () => {
    // 周伟 (顺德组) sees half of the seeded clients; 松湖智造 is not in his group.
    const zhizao = await companyId(t, 'zhizao-tech');
    const rest = clients.slice(9);
    const rows = await review('zhou', { companyIds: [...rest, zhizao] });
    const hidden = rows.filter((r) => r.code === 'NOT_IN_ACCESS_GROUP');
    expect(hidden.map((r) => r.companyId)).toContain(zhizao);
    for (const r of hidden) {
      expect(r.name).toContain('*');
      expect(r.content).toEqual({});
    }
    const open = rows.filter((r) => r.code === null);
    expect(open.length).toBeGreaterThan(0);

    const res = await post('zhou', '', {
      reportYear: YEAR,
      items: [...open.map((r) => ({ companyId: r.companyId, supplied: figures })), { companyId: zhizao }],
    });
    expect(res.statusCode).toBe(201);
    await firmRunner(t.ctx).idle(res.json().id);
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/firms/${firm}/batches/${res.json().id}`,
        headers: await as('zhou'),
      })
    ).json();
    const masked = detail.items.find((i: { companyId: string }) => i.companyId === zhizao);
    expect(masked).toMatchObject({ status: 'skipped', error: { code: 'NOT_IN_ACCESS_GROUP' } });
    expect(masked.companyName).toContain('*');
    expect(await reportsPerClient([zhizao])).toEqual([0]);
    expect(await reportsPerClient(open.map((r) => r.companyId))).toEqual(open.map(() => 1));
  });

  it('refuses a person who is not a member of the firm', async () => {
    const res = await post('chen', '/review', { reportYear: YEAR, clients: { selector: 'due' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('FIRM_NOT_FOUND');
  });
});
