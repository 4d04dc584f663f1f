import { eq } from 'drizzle-orm';
import type { AppContext } from '../server/context';
import { batchItems, companies, firmMembers, firms } from '../server/db/schema';
import { createBatch } from '../server/modules/batches/store';
import { BatchRunner } from '../server/modules/batches/runner';
import { demoFirm } from '../server/seed/demo-data';
import { latestEndedPeriod, periodKey } from '../shared/api/tax-period';
import { chinaToday } from '../shared/time/china';
import { firmBatchKinds } from '../server/modules/firms/firm-batches';
import { buildRoster } from '../server/modules/firms/roster';
import { seedFirmClients } from '../server/seed/firm';
import type { FirmMembership } from '../server/modules/firms/access';

/*
 * Benchmarks of the firm workspace (figures, not assertions). Each takes a context whose database
 * has the demo sandbox seeded (seedDemo); run them in this order on one database:
 *   benchSeedClients(ctx, 10_000) → benchRoster(ctx) → benchZeroFilingBatch(ctx, 1_000)
 */

const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;

const adminOf = async (ctx: AppContext): Promise<FirmMembership> => {
  const [row] = await ctx.db
    .select({ firmId: firms.id, name: firms.name, personId: firmMembers.personId })
    .from(firms)
    .innerJoin(firmMembers, eq(firmMembers.firmId, firms.id))
    .where(eq(firms.uscc, demoFirm.uscc));
  if (!row) throw new Error('seed the demo sandbox first');
  return { firmId: row.firmId, firmName: row.name, personId: row.personId, role: 'admin' };
};

/** Seeds `count` synthetic client companies (legal representatives, firm authorizations, groups). */
export const benchSeedClients = async (
  ctx: AppContext,
  count = 10_000,
  seed = 11,
): Promise<{ count: number; ms: number; perClientMs: number }> => {
  const t0 = performance.now();
  const { companyIds } = await seedFirmClients(ctx, { count, seed, allActive: true });
  const ms = Math.round(performance.now() - t0);
  return { count: companyIds.length, ms, perClientMs: Math.round((ms / companyIds.length) * 100) / 100 };
};

/** Builds the admin's roster `runs` times: time per build, rows, and the JSON payload size. */
export const benchRoster = async (
  ctx: AppContext,
  runs = 3,
): Promise<{ rows: number; bestMs: number; medianMs: number; payloadBytes: number }> => {
  const admin = await adminOf(ctx);
  const times: number[] = [];
  let rows = 0;
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const roster = await buildRoster(ctx, admin);
    const json = JSON.stringify(roster);
    times.push(performance.now() - t0);
    rows = roster.rows.length;
    bytes = Buffer.byteLength(json);
  }
  times.sort((a, b) => a - b);
  return {
    rows,
    bestMs: Math.round(times[0] ?? 0),
    medianMs: Math.round(times[Math.floor(times.length / 2)] ?? 0),
    payloadBytes: bytes,
  };
};

/**
 * Batch zero filing of `count` clients end to end through the runner and the tax module (claim,
 * authorize, check, file, sign, accept, audit, mark done), with the process's memory sampled.
 */
export const benchZeroFilingBatch = async (
  ctx: AppContext,
  count = 1_000,
): Promise<{
  items: number;
  done: number;
  ms: number;
  perItemMs: number;
  rssStartMb: number;
  rssPeakMb: number;
  heapPeakMb: number;
}> => {
  const admin = await adminOf(ctx);
  const period = periodKey(latestEndedPeriod('quarter', chinaToday(ctx.now())));
  const quarterly = await ctx.db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.vatPeriod, 'quarter'));
  const ids = quarterly.slice(0, count).map((c) => c.id);
  const batch = await ctx.db.transaction((tx) =>
    createBatch(tx, {
      kind: 'zero-filing',
      firmId: admin.firmId,
      ownerPersonId: admin.personId,
      params: { tax: 'vat', periodKey: period, sessionId: '00000000-0000-4000-8000-0000000000be' },
      items: ids.map((companyId) => ({ companyId })),
      now: ctx.now(),
    }),
  );
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  let heapPeak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 100);
  const runner = new BatchRunner(ctx, firmBatchKinds);
  const t0 = performance.now();
  runner.kick(batch.id);
  await runner.idle(batch.id);
  const ms = Math.round(performance.now() - t0);
  clearInterval(sampler);
  const done = (
    await ctx.db
      .select({ status: batchItems.status })
      .from(batchItems)
      .where(eq(batchItems.batchId, batch.id))
  ).filter((i) => i.status === 'done').length;
  return {
    items: ids.length,
    done,
    ms,
    perItemMs: Math.round((ms / ids.length) * 10) / 10,
    rssStartMb: mb(rssStart),
    rssPeakMb: mb(rssPeak),
    heapPeakMb: mb(heapPeak),
  };
};

/** The three benchmarks on a fresh embedded database in a temporary folder, as a report section. */
export const firmBenchSection = async (
  options: { clients?: number; batch?: number } = {},
): Promise<{ title: string; method: string; rows: [string, string][] }> => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openDatabase } = await import('../server/db/open');
  const { loadConfig } = await import('../server/config');
  const { createContext } = await import('../server/create-context');
  const { seedDemo } = await import('../server/seed/demo');
  const dir = mkdtempSync(join(tmpdir(), 'st-firm-bench-'));
  const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
  try {
    const ctx = createContext(handle, loadConfig({ dataDir: dir }));
    await seedDemo(ctx);
    const seeded = await benchSeedClients(ctx, options.clients ?? 10_000);
    const roster = await benchRoster(ctx);
    const batch = await benchZeroFilingBatch(ctx, options.batch ?? 1_000);
    return {
      title: 'Firm workspace (embedded PGlite)',
      method:
        'bench/firms.ts: synthetic clients seeded into the demo firm; the admin’s roster built and serialized (best of 3); a zero-filing batch run end to end by the batch runner through the tax module (authorize, check, file, sign, accept, audit, mark done), memory sampled every 100 ms.',
      rows: [
        [`seed ${seeded.count} clients`, `${seeded.ms} ms (${seeded.perClientMs} ms/client)`],
        [
          `roster of ${roster.rows} clients`,
          `${roster.bestMs} ms best, ${roster.medianMs} ms median, ${Math.round(roster.payloadBytes / 1024)} KiB JSON`,
        ],
        [
          `zero filing batch of ${batch.items}`,
          `${(batch.ms / 1000).toFixed(1)} s (${batch.perItemMs} ms/client), ${batch.done} filed`,
        ],
        [
          'memory during the batch',
          `RSS ${batch.rssStartMb} → peak ${batch.rssPeakMb} MiB, heap peak ${batch.heapPeakMb} MiB`,
        ],
      ],
    };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
