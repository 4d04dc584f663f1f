import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { batchItems, companies, taxReturns } from '../../db/schema';
import { authorize, refusalError } from '../../auth/authorize';
import { periodLabel } from '../../../shared/tax/period';
import { text } from '../../../shared/text';
import { BATCH_KIND_PARAMS } from '../../../shared/firms/batch-contract';
import type { BatchRow } from '../batches';
import { defineBatchKind, storedZip, type ZipEntry } from '../batches';
import { parsePeriod } from './zero-eligibility';
import { taxPortFor } from './tax-port';

/**
 * One client of a receipt export: authorized again and checked to have an accepted return for the
 * period. The PDFs are rendered when the zip is downloaded, not stored per item.
 */
export const receiptExportKind = defineBatchKind({
  params: BATCH_KIND_PARAMS['receipt-export'],
  title: ({ periodKey }) => {
    const label = periodLabel(parsePeriod(periodKey));
    return text(`导出 ${label.zh} 申报回执`, `Export filing receipts, ${label.en}`);
  },
  describe: (r) =>
    typeof r.receiptNumber === 'string'
      ? text(`回执号 ${r.receiptNumber}`, `Receipt ${r.receiptNumber}`)
      : null,
  process: async (ctx, tx, batch, item, { periodKey }) => {
    const decision = await authorize(tx, {
      personId: batch.ownerPersonId,
      companyId: item.companyId,
      scope: 'company.view',
      now: ctx.now(),
    });
    if (!decision.allowed) throw refusalError(decision);
    const found = await tx
      .select({ id: taxReturns.id, tax: taxReturns.tax, receiptNumber: taxReturns.receiptNumber })
      .from(taxReturns)
      .where(
        and(
          eq(taxReturns.companyId, item.companyId),
          eq(taxReturns.periodKey, periodKey),
          eq(taxReturns.status, 'accepted'),
          isNull(taxReturns.supersededAt),
        ),
      );
    if (found.length === 0)
      return {
        status: 'skipped',
        result: {},
        reason: {
          code: 'NO_ACCEPTED_RETURN',
          message: text(
            '该期间没有已受理的申报，无回执可导出。',
            'No accepted return for this period; no receipt to export.',
          ),
        },
      };
    return {
      status: 'done',
      result: {
        returns: found.map((f) => ({ id: f.id, tax: f.tax })),
        receiptNumber: found.map((f) => f.receiptNumber ?? '').join(', '),
      },
    };
  },
});

/** The parameters of a receipt export batch. */
export const receiptParamsOf = (batch: BatchRow) => BATCH_KIND_PARAMS['receipt-export'].parse(batch.params);

const safe = (s: string): string => s.replace(/[\\/:*?"<>|]/g, '_');

/** The receipts of a finished export batch as one zip, rendered now by the tax module. */
export const receiptZip = async (ctx: AppContext, batch: BatchRow): Promise<Buffer> => {
  const { periodKey } = receiptParamsOf(batch);
  const items = await ctx.db
    .select({
      companyId: batchItems.companyId,
      result: batchItems.result,
      name: companies.name,
      uscc: companies.uscc,
    })
    .from(batchItems)
    .innerJoin(companies, eq(companies.id, batchItems.companyId))
    .where(and(eq(batchItems.batchId, batch.id), inArray(batchItems.status, ['done'])))
    .orderBy(batchItems.seq);
  const entries: ZipEntry[] = [];
  for (const it of items) {
    const returns = (it.result?.returns ?? []) as { id: string; tax: string }[];
    for (const r of returns) {
      const file = await taxPortFor(ctx).receipt(ctx, ctx.db, { companyId: it.companyId, returnId: r.id });
      entries.push({
        name: `${safe(it.uscc)}-${safe(it.name)}-${r.tax}-${periodKey}.pdf`,
        data: file.pdf,
      });
    }
  }
  return storedZip(entries);
};
