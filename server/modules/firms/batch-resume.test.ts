import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { batches, batchItems, companies, taxReturns } from '../../db/schema';
import { BatchRunner, setRunnerFor } from '../batches/runner';
import { createBatch } from '../batches/store';
import type { ServerEvent } from '../../events/bus';
import { firmBatchKinds, firmRunner } from './firm-batches';
import { seedFirmClients } from '../../seed/firm';
import { setTaxPort, taxPortFor, unavailableTaxPort } from './tax-port';
import { companyId, FIRM_NOW, idem, personId, Q3, tokens } from '../../test/firms-support';

let t: TestApp;
let as: (key: string) => Promise<{ authorization: string }>;
let firm: string;
let clients: string[];

beforeAll(async () => {
  t = await createTestApp({ now: () => FIRM_NOW });
  as = tokens(t);
  const seeded = await seedFirmClients(t.ctx, { count: 28, allActive: true });
  firm = seeded.firmId;
  // Quarterly VAT filers only (the synthetic set has a few monthly ones, not eligible for a quarter).
  const quarterly = await t.ctx.db
    .select({ id: companies.id })
    .from(companies)
    .where(and(inArray(companies.id, seeded.companyIds), eq(companies.vatPeriod, 'quarter')));
  clients = seeded.companyIds.filter((id) => quarterly.some((q) => q.id === id)).slice(0, 24);
  expect(clients).toHaveLength(24);
});
afterAll(async () => t.close());

const returnsPerClient = async (ids: readonly string[]): Promise<number[]> => {
  const rows = await t.ctx.db
    .select({ companyId: taxReturns.companyId, n: count() })
    .from(taxReturns)
    .where(and(inArray(taxReturns.companyId, [...ids]), eq(taxReturns.periodKey, Q3)))
    .groupBy(taxReturns.companyId);
  return ids.map((id) => Number(rows.find((r) => r.companyId === id)?.n ?? 0));
};

const start = async (ids: readonly string[], key = idem()) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/firms/${firm}/batches/zero-filing`,
    headers: { ...(await as('huang')), ...key },
    payload: { periodKey: Q3, clients: { companyIds: ids } },
  });

describe('batch zero filing survives a crash and never files twice', () => {
  it('resumes after the runner dies mid-batch: every client filed exactly once', async () => {
    const group = clients.slice(0, 16);
    const events: ServerEvent[] = [];
    t.ctx.bus.subscribe(await personId(t, 'huang'), (e) => events.push(e));

    // The first runner "dies" in the middle of the 7th item: its return filed inside the item's
    // transaction, never committed.
    const first = new BatchRunner(t.ctx, firmBatchKinds, { stopAfter: 6, concurrency: 1 });
    setRunnerFor(t.ctx, first);
    const res = await start(group);
    expect(res.statusCode).toBe(201);
    const batchId: string = res.json().id;
    await first.idle(batchId);
    const items = await t.ctx.db
      .select()
      .from(batchItems)
      .where(eq(batchItems.batchId, batchId))
      .orderBy(asc(batchItems.seq));
    expect(items.map((i) => i.status)).toEqual([...Array(6).fill('done'), ...Array(10).fill('pending')]);
    const held = items[6]!;
    expect(await returnsPerClient(items.map((i) => i.companyId))).toEqual([
      ...Array(6).fill(1),
      ...Array(10).fill(0),
    ]);

    // A new platform on the same database: the runner resumes the batch at start.
    const second = new BatchRunner(t.ctx, firmBatchKinds);
    setRunnerFor(t.ctx, second);
    expect(await second.resume()).toBe(1);
    await second.idle(batchId);

    const after = await t.ctx.db.select().from(batchItems).where(eq(batchItems.batchId, batchId));
    expect(after.every((i) => i.status === 'done')).toBe(true);
    expect(after.find((i) => i.id === held.id)?.attempts).toBe(1);
    expect(await returnsPerClient(group)).toEqual(Array(16).fill(1));
    const [batch] = await t.ctx.db.select().from(batches).where(eq(batches.id, batchId));
    expect(batch?.status).toBe('done');
    const last = events.filter((e) => e.type === 'batch.progress').at(-1);
    expect(last?.data).toMatchObject({
      batchId,
      status: 'done',
      total: 16,
      counts: { done: 16, pending: 0, running: 0 },
    });
  });

  it('files nothing twice when the same clients are batched again', async () => {
    const group = clients.slice(0, 16);
    // Through the API the preview already knows: every client is filed, so there is nothing to do.
    const again = await start(group);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('NOTHING_TO_DO');
    // A batch made behind the preview's back (e.g. raced with the first) finds the claims instead.
    const huang = await personId(t, 'huang');
    const raced = await t.ctx.db.transaction((tx) =>
      createBatch(tx, {
        kind: 'zero-filing',
        firmId: firm,
        ownerPersonId: huang,
        params: { tax: 'vat', periodKey: Q3, sessionId: '00000000-0000-4000-8000-000000000001' },
        items: group.map((companyId) => ({ companyId })),
        now: FIRM_NOW,
      }),
    );
    firmRunner(t.ctx).kick(raced.id);
    await firmRunner(t.ctx).idle(raced.id);
    const items = await t.ctx.db.select().from(batchItems).where(eq(batchItems.batchId, raced.id));
    expect(items.every((i) => i.status === 'skipped' && i.result?.alreadyFiled === true)).toBe(true);
    expect(await returnsPerClient(group)).toEqual(Array(16).fill(1));
  });

  it('replays a retried submission instead of starting a second batch', async () => {
    const key = idem();
    const group = clients.slice(16, 18);
    const one = await start(group, key);
    const two = await start(group, key);
    expect(two.json().id).toBe(one.json().id);
    expect(two.headers['idempotent-replay']).toBe('true');
    await firmRunner(t.ctx).idle(one.json().id);
    expect(await returnsPerClient(group)).toEqual([1, 1]);
  });

  it('records failures with the reason, and a retry files only what failed', async () => {
    const group = clients.slice(18, 24);
    const real = taxPortFor(t.ctx);
    setTaxPort(t.ctx, unavailableTaxPort);
    const res = await start(group);
    const batchId: string = res.json().id;
    await firmRunner(t.ctx).idle(batchId);
    const failed = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/firms/${firm}/batches/${batchId}`,
        headers: await as('huang'),
      })
    ).json();
    expect(failed.counts.failed).toBe(6);
    expect(failed.items[0].error).toMatchObject({
      code: 'TAX_FILING_UNAVAILABLE',
      message: { zh: expect.stringContaining('暂不可用') },
    });
    expect(await returnsPerClient(group)).toEqual(Array(6).fill(0));

    setTaxPort(t.ctx, real);
    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/firms/${firm}/batches/${batchId}/retry`,
      headers: { ...(await as('huang')), ...idem() },
    });
    expect(retry.statusCode).toBe(200);
    await firmRunner(t.ctx).idle(batchId);
    const done = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/firms/${firm}/batches/${batchId}`,
        headers: await as('huang'),
      })
    ).json();
    expect(done).toMatchObject({ status: 'done', counts: { done: 6, failed: 0 } });
    expect(done.items[0].outcome.zh).toMatch(/已零申报，回执号/);
    expect(await returnsPerClient(group)).toEqual(Array(6).fill(1));
    const nothing = await t.app.inject({
      method: 'POST',
      url: `/api/v1/firms/${firm}/batches/${batchId}/retry`,
      headers: { ...(await as('huang')), ...idem() },
    });
    expect(nothing.json().error.code).toBe('NOTHING_TO_RETRY');
  });

  it('exports the receipts of filed clients as one zip, and says which clients have none', async () => {
    const filed = clients.slice(0, 2);
    const notFiled = await companyId(t, 'meijia-home');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/firms/${firm}/batches/receipt-export`,
      headers: { ...(await as('huang')), ...idem() },
      payload: { periodKey: Q3, clients: { companyIds: [...filed, notFiled] } },
    });
    expect(res.statusCode).toBe(201);
    await firmRunner(t.ctx).idle(res.json().id);
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/firms/${firm}/batches/${res.json().id}`,
        headers: await as('huang'),
      })
    ).json();
    expect(detail).toMatchObject({ status: 'done', hasOutput: true, counts: { done: 2, skipped: 1 } });
    expect(detail.items.find((i: { companyId: string }) => i.companyId === notFiled).error.code).toBe(
      'NO_ACCEPTED_RETURN',
    );
    const zip = await t.app.inject({
      method: 'GET',
      url: `/api/v1/firms/${firm}/batches/${res.json().id}/download`,
      headers: await as('huang'),
    });
    expect(zip.headers['content-type']).toBe('application/zip');
    const body = zip.rawPayload;
    expect(body.subarray(0, 2).toString()).toBe('PK');
    // Two PDFs inside: the end-of-central-directory record counts the entries.
    expect(body.readUInt16LE(body.length - 22 + 10)).toBe(2);
    expect(body.includes(Buffer.from('%PDF-'))).toBe(true);
  });
});
