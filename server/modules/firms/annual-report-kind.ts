import { authorize, refusalError } from '../../auth/authorize';
import { writeAudit } from '../../audit/write';
import { httpStatusOf } from '../../http/errors';
import { isDomainError } from '../../../shared/domain-error';
import { chinaToday } from '../../../shared/time/china';
import { text } from '../../../shared/text';
import type { ServerEvent } from '../../../shared/api/events';
import { BATCH_KIND_PARAMS } from '../../../shared/firms/batch-contract';
import { defineBatchKind } from '../batches';
import { fileAnnualReport } from '../annual-reports';

/**
 * One client of a batch of annual reports: authorized again now (the batch owner, through the
 * firm's authorization with the scope `annual-report.file` and the access groups), then filed by
 * the annual reports module inside this item's transaction with the report the firm reviewed. The
 * module files one report per company and year (company row lock, unique index), so a second
 * batch over the same clients reports "already filed — correct it instead" rather than filing again.
 */
export const annualReportKind = defineBatchKind({
  params: BATCH_KIND_PARAMS['annual-report'],
  title: ({ reportYear }) => text(`${reportYear}年度报告 批量报送`, `Annual reports ${reportYear}`),
  describe: (r) => {
    if (typeof r.reportYear !== 'number') return null;
    return r.late
      ? text(`已补报${r.reportYear}年度报告并公示`, `The ${r.reportYear} report was filed late and published`)
      : text(`已报送${r.reportYear}年度报告并公示`, `The ${r.reportYear} report was filed and published`);
  },
  process: async (ctx, tx, batch, item, { reportYear, reports }) => {
    const now = ctx.now();
    const decision = await authorize(tx, {
      personId: batch.ownerPersonId,
      companyId: item.companyId,
      scope: 'annual-report.file',
      now,
    });
    if (!decision.allowed) throw refusalError(decision);
    const report = reports[item.companyId];
    if (!report)
      return {
        status: 'skipped',
        result: {},
        reason: {
          code: 'NOT_REVIEWED',
          message: text('该客户未经核对，未报送。', 'This client was not reviewed and was not filed.'),
        },
      };
    // The module's refusals are final for this client (already filed, an earlier year missing…):
    // recorded as "not done" with the reason, after rolling back to the savepoint.
    let filed: Awaited<ReturnType<typeof fileAnnualReport>>;
    try {
      filed = await tx.transaction((sp) =>
        fileAnnualReport(ctx, sp, decision, { reportYear, ...report }, chinaToday(now)),
      );
    } catch (e) {
      if (isDomainError(e) && httpStatusOf(e) < 500)
        return { status: 'skipped', result: {}, reason: { code: e.code, message: e.text } };
      throw e;
    }
    const result = { reportId: filed.filed.id, reportYear, late: filed.filed.late };
    await writeAudit(tx, {
      actorPersonId: decision.personId,
      actingAs: decision.actingAs,
      action: 'batch.annual-report',
      companyId: item.companyId,
      delegationId: decision.delegationId ?? null,
      firmId: decision.firmId ?? batch.firmId,
      detail: { batchId: batch.id, itemId: item.id, ...result },
    });
    // As a single filing does: everyone connected is told, once the item has committed.
    const event: ServerEvent = {
      type: 'annual-report.filed',
      data: { companyId: item.companyId, reportYear },
    };
    return {
      status: 'done',
      result,
      after: async () => {
        for (const personId of new Set([batch.ownerPersonId, ...filed.notify]))
          ctx.bus.publish(personId, event);
      },
    };
  },
});
