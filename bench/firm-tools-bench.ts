import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../server/context';
import { companies, firmMembers, firms } from '../server/db/schema';
import { demoFirm } from '../server/seed/demo-data';
import { seedFirmClients } from '../server/seed/firm';
import { makeInvoiceCsv } from '../server/seed/invoice-fixtures';
import { BatchRunner, storedZip } from '../server/modules/batches';
import { firmBatchKinds, createInvoiceFilingBatch } from '../server/modules/firms/firm-batches';
import { importInvoiceBundle } from '../server/modules/firms/invoice-bundle';
import { invoiceReviewRows } from '../server/modules/firms/invoice-review';
import type { FirmMembership } from '../server/modules/firms/access';
import { latestEndedPeriod, periodKey } from '../shared/api/tax-period';
import { chinaToday } from '../shared/time/china';
import { benchContext } from './support';
import { fmtMs, type Section } from './report';

/*
 * Firm tools (issue 15): a batch filing from invoices for N clients × 50 invoice lines — import of
 * a zip of per-client exports, review (returns prepared from the invoices), batch submission —
 * with time per stage and memory. Figures, not assertions. `--quick`: 20 clients.
 */

const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

const adminOf = async (ctx: AppContext): Promise<FirmMembership> => {
  const [row] = await ctx.db
    .select({ firmId: firms.id, name: firms.name, personId: firmMembers.personId })
    .from(firms)
    .innerJoin(firmMembers, eq(firmMembers.firmId, firms.id))
    .where(and(eq(firms.uscc, demoFirm.uscc), eq(firmMembers.role, 'admin')));
  if (!row) throw new Error('seed the demo sandbox first');
  return { firmId: row.firmId, firmName: row.name, personId: row.personId, role: 'admin' };
};

export const firmToolsBenchSection = async (options: { quick?: boolean } = {}): Promise<Section> => {
  const clients = options.quick ? 20 : 200;
  const lines = 50;
  const { ctx, close } = await benchContext();
  try {
    // Quarterly small-scale clients only: the ones an invoice batch files for.
    const seeded = await seedFirmClients(ctx, { count: Math.ceil(clients * 1.3), seed: 15, allActive: true });
    const rows = await ctx.db
      .select({ id: companies.id, uscc: companies.uscc, name: companies.name })
      .from(companies)
      .where(
        and(
          inArray(companies.id, seeded.companyIds),
          eq(companies.vatPeriod, 'quarter'),
          eq(companies.taxpayerType, 'small-scale'),
        ),
      );
    const chosen = rows.slice(0, clients);
    const period = latestEndedPeriod('quarter', chinaToday(ctx.now()));
    const key = periodKey(period);
    const zip = storedZip(
      chosen.map((c, i) => ({
        name: `${i}.csv`,
        data: makeInvoiceCsv({ company: c, rows: lines, seed: 500 + i, period, receivedShare: 0 }),
      })),
    );
    const admin = await adminOf(ctx);
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);

    const t0 = performance.now();
    const report = await ctx.db.transaction((tx) =>
      importInvoiceBundle(ctx, tx, admin, { fileName: 'bundle.zip', bytes: zip }),
    );
    const t1 = performance.now();
    const review = await invoiceReviewRows(ctx.db, admin, {
      period,
      companyIds: chosen.map((c) => c.id),
      now: ctx.now(),
    });
    const t2 = performance.now();
    const items = review
      .filter((r) => r.eligible && r.totalPayable)
      .map((r) => ({ companyId: r.companyId, confirmedTotal: r.totalPayable! }));
    const runner = new BatchRunner(ctx, firmBatchKinds);
    const batch = await ctx.db.transaction((tx) =>
      createInvoiceFilingBatch(
        ctx,
        tx,
        admin,
        { periodKey: key, items },
        '00000000-0000-4000-8000-0000000000b1',
      ),
    );
    runner.kick(batch.id);
    await runner.idle(batch.id);
    const t3 = performance.now();
    clearInterval(sample);
    return {
      title: 'Firm tools: batch filing from invoices',
      method: `${chosen.length} quarterly small-scale clients × ${lines} invoice lines in one zip (one CSV per client), on in-memory PGlite, in-process: import (match by USCC, validate, store), review (returns prepared from the invoices, pre-flight), then the invoice-filing batch to the end.`,
      rows: [
        ['clients matched / filed', `${report.clients.length} / ${items.length}`],
        ['import (zip, matching, validation, storage)', fmtMs(t1 - t0)],
        ['review (prepare every return + pre-flight)', fmtMs(t2 - t1)],
        ['batch submission to the end', fmtMs(t3 - t2)],
        ['total', fmtMs(t3 - t0)],
        ['RSS before / peak', `${mb(rss0)} / ${mb(peak)}`],
        ['to-do centre for 10,000 clients (p50)', 'not built in this branch'],
      ],
    };
  } finally {
    await close();
  }
};
