import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness';
import { auditLog, batches, batchItems, companies, taxReturns } from '../../db/schema';
import { BatchRunner, setRunnerFor } from '../batches/runner';
import type { ServerEvent } from '../../events/bus';
import { firmBatchKinds } from './firm-batches';
import { seedFirmClients } from '../../seed/firm';
import { FIRM_NOW, idem, personId, Q3, tokens } from '../../test/firms-support';

/** Items are processed about 100 per transaction; a crash mid-chunk loses the chunk's effects, never an item. */
let t: TestApp;
let firm: string;
let clients: string[];

beforeAll(async () => {
  t = await createTestApp({ now: () => FIRM_NOW });
  const seeded = await seedFirmClients(t.ctx, { count: 16, allActive: true });
  firm = seeded.firmId;
  const quarterly = await t.ctx.db
    .select({ id: companies.id })
    .from(companies)
    .where(and(inArray(companies.id, seeded.companyIds), eq(companies.vatPeriod, 'quarter')));
  clients = seeded.companyIds.filter((id) => quarterly.some((q) => q.id === id)).slice(0, 12);
  expect(clients).toHaveLength(12);
});
afterAll(async () => t.close());

const perClient = async (table: 'returns' | 'audit', ids: readonly string[]): Promise<number[]> => {
  const rows =
    table === 'returns'
      ? await t.ctx.db
          .select({ companyId: taxReturns.companyId, n: count() })
          .from(taxReturns)
          .where(and(inArray(taxReturns.companyId, [...ids]), eq(taxReturns.periodKey, Q3)))
          .groupBy(taxReturns.companyId)
      : await t.ctx.db
          .select({ companyId: auditLog.companyId, n: count() })
          .from(auditLog)
          .where(and(inArray(auditLog.companyId, [...ids]), eq(auditLog.action, 'batch.zero-filing')))
          .groupBy(auditLog.companyId);
  return ids.map((id) => Number(rows.find((r) => r.companyId === id)?.n ?? 0));
};

describe('batch zero filing in chunks', () => {
  it('resumes after a crash in the middle of a chunk: the chunk rolled back whole, every client filed and audited once', async () => {
    const events: ServerEvent[] = [];
    t.ctx.bus.subscribe(await personId(t, 'huang'), (e) => events.push(e));
    // Chunks of 5: the first commits, the second dies before its 3rd item (the 8th of the batch),
    // after filing the 6th and 7th inside the chunk's transaction.
    const first = new BatchRunner(t.ctx, firmBatchKinds, { chunkSize: 5, crashAtItem: 8, concurrency: 1 });
    setRunnerFor(t.ctx, first);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/firms/${firm}/batches/zero-filing`,
      headers: { ...(await tokens(t)('huang')), ...idem() },
      payload: { periodKey: Q3, clients: { companyIds: clients } },
    });
    expect(res.statusCode).toBe(201);
    const batchId: string = res.json().id;
    await first.idle(batchId);

    const items = await t.ctx.db
      .select()
      .from(batchItems)
      .where(eq(batchItems.batchId, batchId))
      .orderBy(asc(batchItems.seq));
    const order = items.map((i) => i.companyId);
    expect(items.map((i) => i.status)).toEqual([...Array(5).fill('done'), ...Array(7).fill('pending')]);
    expect(items.map((i) => i.attempts)).toEqual([...Array(5).fill(1), ...Array(7).fill(0)]);
    expect(await perClient('returns', order)).toEqual([...Array(5).fill(1), ...Array(7).fill(0)]);
    expect(await perClient('audit', order)).toEqual([...Array(5).fill(1), ...Array(7).fill(0)]);

    const second = new BatchRunner(t.ctx, firmBatchKinds, { chunkSize: 5 });
    setRunnerFor(t.ctx, second);
    expect(await second.resume()).toBe(1);
    await second.idle(batchId);

    const after = await t.ctx.db
      .select()
      .from(batchItems)
      .where(eq(batchItems.batchId, batchId))
      .orderBy(asc(batchItems.seq));
    expect(after.map((i) => i.status)).toEqual(Array(12).fill('done'));
    expect(after.map((i) => i.attempts)).toEqual(Array(12).fill(1));
    expect(after.every((i) => typeof i.result?.receiptNumber === 'string')).toBe(true);
    expect(await perClient('returns', order)).toEqual(Array(12).fill(1));
    expect(await perClient('audit', order)).toEqual(Array(12).fill(1));
    const [batch] = await t.ctx.db.select().from(batches).where(eq(batches.id, batchId));
    expect(batch?.status).toBe('done');
    // Each filed client is announced once, after its chunk committed (none for the rolled-back ones).
    const accepted = events.flatMap((e) => (e.type === 'tax.return.accepted' ? [e.data.companyId] : []));
    expect([...accepted].sort()).toEqual([...order].sort());
  });
});
