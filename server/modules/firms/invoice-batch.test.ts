import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, batches, batchItems, companies, delegations, taxReturns } from '../../db/schema';
import { BatchRunner, setRunnerFor } from '../batches/runner';
import { seedFirmClients } from '../../seed/firm';
import { fixtureCompany, makeInvoiceRows, rowsToCsv, rowsToXlsx } from '../../seed/invoice-fixtures';
import { createBatch, storedZip } from '../batches';
import { firmBatchKinds, firmRunner } from './firm-batches';
import { idem, tokens } from '../../test/firms-support';

// 10 October 2026: 2026-Q3 has ended and its deadline (26 October) is still ahead.
const NOW = new Date('2026-10-10T04:00:00Z');
const Q3 = { type: 'quarter', year: 2026, quarter: 3 } as const;
const Q2 = { type: 'quarter', year: 2026, quarter: 2 } as const;

let t: TestApp;
let as: (key: string) => Promise<{ authorization: string }>;
let firm: string;
type Client = { id: string; uscc: string; name: string };
let a: Client, b: Client, c: Client, d: Client, e: Client;

/** A client's export: last quarter's invoices and this quarter's (scaled), one header. */
const exportOf = (x: Client, seed: number, q3Scale = 1): string[][] => {
  const company = { uscc: x.uscc, name: x.name };
  const q2 = makeInvoiceRows({ company, rows: 30, seed, period: Q2, receivedShare: 0 });
  const q3 = makeInvoiceRows({
    company,
    rows: 30,
    seed: seed + 50,
    period: Q3,
    receivedShare: 0,
    amountScale: q3Scale,
  });
  return [...q2, ...q3.slice(1)];
};

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  as = tokens(t);
  const seeded = await seedFirmClients(t.ctx, { count: 16, allActive: true });
  firm = seeded.firmId;
  const rows = await t.ctx.db
    .select({ id: companies.id, uscc: companies.uscc, name: companies.name })
    .from(companies)
    .where(
      and(
        inArray(companies.id, seeded.companyIds),
        eq(companies.vatPeriod, 'quarter'),
        eq(companies.taxpayerType, 'small-scale'),
      ),
    );
  [a, b, c, d, e] = rows as [Client, Client, Client, Client, Client];
  expect(e).toBeDefined();
  // The firm's authorizations last well past the deadline.
  await t.ctx.db
    .update(delegations)
    .set({ validUntil: new Date('2027-06-30T00:00:00Z') })
    .where(inArray(delegations.companyId, [a.id, b.id, c.id, d.id]));
});
afterAll(async () => t.close());

const post = async (url: string, payload: unknown, who = 'huang', key = idem()) =>
  t.app.inject({ method: 'POST', url, headers: { ...(await as(who)), ...key }, payload: payload as object });

const returnsOf = async (ids: string[]) => {
  const rows = await t.ctx.db
    .select({ companyId: taxReturns.companyId, n: count() })
    .from(taxReturns)
    .where(and(inArray(taxReturns.companyId, ids), eq(taxReturns.periodKey, '2026-Q3')))
    .groupBy(taxReturns.companyId);
  return ids.map((id) => Number(rows.find((r) => r.companyId === id)?.n ?? 0));
};

describe('batch returns from invoices', () => {
  it('imports a zip of per-client exports, matched by USCC and never by file name', async () => {
    const zip = storedZip([
      { name: 'a.csv', data: rowsToCsv(exportOf(a, 1, 10)) },
      // Named after C, but B's invoices: it goes to B.
      { name: `${c.name}.csv`, data: rowsToCsv(exportOf(b, 2)) },
      {
        name: 'c/发票.xlsx',
        data: await rowsToXlsx(
          exportOf(c, 3).filter((r, i) => i === 0 || (r[8]!.startsWith('2026-0') && r[8]! >= '2026-07')),
        ),
      },
      { name: 'stranger.csv', data: rowsToCsv(makeInvoiceRows({ company: fixtureCompany(77), rows: 5 })) },
      { name: '__MACOSX/._a.csv', data: Buffer.from('junk') },
    ]);
    const res = await post(`/api/v1/firms/${firm}/invoices/bundles`, {
      fileName: 'invoices.zip',
      contentBase64: zip.toString('base64'),
    });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    const byId = new Map(report.clients.map((x: { companyId: string }) => [x.companyId, x]));
    expect(byId.get(a.id)).toMatchObject({ imported: 60, error: null });
    expect(byId.get(b.id)).toMatchObject({ files: [`${c.name}.csv`], imported: 60 });
    expect(byId.get(c.id)).toMatchObject({ files: ['c/发票.xlsx'], error: null });
    expect(byId.has(d.id)).toBe(false);
    expect(report.unmatched).toMatchObject([{ fileName: 'stranger.csv', code: 'NO_CLIENT_MATCH' }]);
  });

  it('imports one workbook holding several clients’ rows, each row to its client', async () => {
    const dRows = makeInvoiceRows({ company: d, rows: 10, seed: 4, period: Q3, receivedShare: 0 });
    const stranger = makeInvoiceRows({ company: fixtureCompany(78), rows: 3, seed: 5, period: Q3 });
    const rows = [...dRows, ...stranger.slice(1)];
    const res = await post(`/api/v1/firms/${firm}/invoices/bundles`, {
      fileName: 'all.xlsx',
      contentBase64: (await rowsToXlsx(rows)).toString('base64'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().clients).toMatchObject([{ companyId: d.id, imported: 10, error: null }]);
    expect(res.json().unmatched).toMatchObject([{ fileName: 'all.xlsx', rows: 3, code: 'NO_CLIENT_MATCH' }]);
  });

  it('refuses a nil return for a client with invoices (pre-flight HAS_SALES, not overridable)', async () => {
    const res = await post(`/api/v1/firms/${firm}/batches/zero-filing/preview`, {
      periodKey: '2026-Q3',
      clients: { companyIds: [c.id] },
      overrides: [{ companyId: c.id, code: 'HAS_SALES', note: '客户说没有开票' }],
    });
    expect(res.statusCode).toBe(200);
    const [row] = res.json().rows;
    expect(row).toMatchObject({ eligible: false, code: 'HAS_SALES' });
    expect(row.checks).toMatchObject([{ code: 'HAS_SALES', overridable: false, overridden: false }]);
  });

  let review: {
    companyId: string;
    eligible: boolean;
    code: string | null;
    totalPayable: string | null;
    change: string | null;
  }[];
  it('reviews the prepared returns: sales ×10 flagged, the rest eligible', async () => {
    const res = await post(`/api/v1/firms/${firm}/batches/invoice-filing/review`, {
      periodKey: '2026-Q3',
      companyIds: [a.id, b.id, c.id],
    });
    expect(res.statusCode).toBe(200);
    review = res.json().rows;
    const ra = review.find((r) => r.companyId === a.id)!;
    expect(ra).toMatchObject({ eligible: false, code: 'SALES_JUMP' });
    expect(Number(ra.change)).toBeGreaterThan(3);
    expect(review.find((r) => r.companyId === b.id)).toMatchObject({ eligible: true, code: null });
    expect(review.find((r) => r.companyId === c.id)).toMatchObject({ eligible: true, change: null });
    expect(review.every((r) => r.totalPayable !== null)).toBe(true);
  });

  it('files the ticked clients: the flagged one skipped with its reason, the others filed once', async () => {
    const items = review.map((r) => ({ companyId: r.companyId, confirmedTotal: r.totalPayable! }));
    const res = await post(`/api/v1/firms/${firm}/batches/invoice-filing`, { periodKey: '2026-Q3', items });
    expect(res.statusCode).toBe(201);
    const batchId = res.json().id;
    await firmRunner(t.ctx).idle(batchId);
    const done = await t.ctx.db.select().from(batchItems).where(eq(batchItems.batchId, batchId));
    const status = (id: string) => done.find((i) => i.companyId === id);
    expect(status(a.id)).toMatchObject({ status: 'skipped', errorCode: 'SALES_JUMP' });
    expect(status(b.id)?.status).toBe('done');
    expect(status(c.id)?.status).toBe('done');
    expect(await returnsOf([a.id, b.id, c.id])).toEqual([0, 1, 1]);
  });

  it('files the flagged client once overridden with a note (audited), and nobody twice', async () => {
    const items = review.map((r) => ({ companyId: r.companyId, confirmedTotal: r.totalPayable! }));
    const res = await post(`/api/v1/firms/${firm}/batches/invoice-filing`, {
      periodKey: '2026-Q3',
      items,
      overrides: [{ companyId: a.id, code: 'SALES_JUMP', note: '本季度签了大额合同，已核对发票' }],
    });
    expect(res.statusCode).toBe(201);
    const batchId = res.json().id;
    await firmRunner(t.ctx).idle(batchId);
    const done = await t.ctx.db.select().from(batchItems).where(eq(batchItems.batchId, batchId));
    expect(done.find((i) => i.companyId === a.id)?.status).toBe('done');
    // B and C: the pre-flight sees their returns already in (ALREADY_FILED), nothing filed again.
    expect(done.filter((i) => i.companyId !== a.id).map((i) => i.errorCode)).toEqual([
      'ALREADY_FILED',
      'ALREADY_FILED',
    ]);
    expect(await returnsOf([a.id, b.id, c.id])).toEqual([1, 1, 1]);
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, a.id), eq(auditLog.action, 'batch.preflight-override')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toMatchObject({ code: 'SALES_JUMP', note: '本季度签了大额合同，已核对发票' });
  });

  it('resumes after a crash and reports a claimed client as filed before', async () => {
    // D: imported 10 lines; prepared and filed by a runner that stops before its item.
    const r = await post(`/api/v1/firms/${firm}/batches/invoice-filing/review`, {
      periodKey: '2026-Q3',
      companyIds: [d.id],
    });
    const row = r.json().rows[0];
    expect(row.eligible).toBe(true);
    const stopped = new BatchRunner(t.ctx, firmBatchKinds, { stopAfter: 0, concurrency: 1 });
    setRunnerFor(t.ctx, stopped);
    const res = await post(`/api/v1/firms/${firm}/batches/invoice-filing`, {
      periodKey: '2026-Q3',
      items: [{ companyId: d.id, confirmedTotal: row.totalPayable }],
    });
    const batchId = res.json().id;
    await stopped.idle(batchId);
    expect(await returnsOf([d.id])).toEqual([0]);
    const next = new BatchRunner(t.ctx, firmBatchKinds);
    setRunnerFor(t.ctx, next);
    expect(await next.resume()).toBeGreaterThanOrEqual(1);
    await next.idle(batchId);
    expect(await returnsOf([d.id])).toEqual([1]);
    const [item] = await t.ctx.db.select().from(batchItems).where(eq(batchItems.batchId, batchId));
    expect(item?.status).toBe('done');
    // A batch made behind the review's back (raced with this one) finds the claim, files nothing.
    const [owner] = await t.ctx.db
      .select({ id: batches.ownerPersonId })
      .from(batches)
      .where(eq(batches.id, batchId));
    const raced = await t.ctx.db.transaction((tx) =>
      createBatch(tx, {
        kind: 'invoice-filing',
        firmId: firm,
        ownerPersonId: owner!.id,
        params: { periodKey: '2026-Q3', sessionId: '00000000-0000-4000-8000-000000000001', totals: {} },
        items: [{ companyId: d.id }],
        now: NOW,
      }),
    );
    firmRunner(t.ctx).kick(raced.id);
    await firmRunner(t.ctx).idle(raced.id);
    const [again] = await t.ctx.db.select().from(batchItems).where(eq(batchItems.batchId, raced.id));
    expect(again).toMatchObject({ status: 'skipped' });
    expect(again?.result?.alreadyFiled).toBe(true);
    expect(await returnsOf([d.id])).toEqual([1]);
  });
});

describe('batch zero filing with an override note', () => {
  it('an authorization ending before the deadline blocks until a note lets it pass, and the note is audited', async () => {
    // E has no invoices; its authorization ends on 16 October, before the deadline of 26 October.
    await t.ctx.db
      .update(delegations)
      .set({ validUntil: new Date('2026-10-16T04:00:00Z') })
      .where(eq(delegations.companyId, e.id));
    const url = `/api/v1/firms/${firm}/batches/zero-filing`;
    const clients = { companyIds: [e.id] };
    const before = (await post(`${url}/preview`, { periodKey: '2026-Q3', clients })).json().rows[0];
    expect(before).toMatchObject({ eligible: false, code: 'DELEGATION_EXPIRING' });
    expect((await post(url, { periodKey: '2026-Q3', clients })).json().error.code).toBe('NOTHING_TO_DO');

    const overrides = [{ companyId: e.id, code: 'DELEGATION_EXPIRING', note: '已与客户确认续期' }];
    const after = (await post(`${url}/preview`, { periodKey: '2026-Q3', clients, overrides })).json().rows[0];
    expect(after).toMatchObject({
      eligible: true,
      checks: [{ code: 'DELEGATION_EXPIRING', overridden: true }],
    });
    const res = await post(url, { periodKey: '2026-Q3', clients, overrides });
    expect(res.statusCode).toBe(201);
    await firmRunner(t.ctx).idle(res.json().id);
    expect(await returnsOf([e.id])).toEqual([1]);
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, e.id), eq(auditLog.action, 'batch.preflight-override')));
    expect(audits.map((x) => x.detail)).toMatchObject([
      { kind: 'zero-filing', code: 'DELEGATION_EXPIRING', note: '已与客户确认续期' },
    ]);
  });
});
