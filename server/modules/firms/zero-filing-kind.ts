import { eq } from 'drizzle-orm';
import { companies } from '../../db/schema';
import { authorize, refusalError } from '../../auth/authorize';
import { writeAudit } from '../../audit/write';
import { httpStatusOf } from '../../http/errors';
import { DomainError, isDomainError } from '../../../shared/domain-error';
import { periodEnd, periodStart } from '../../../shared/api/tax-period';
import { chinaToday } from '../../../shared/time/china';
import { zeroFilingProblem } from '../../../shared/firms/zero-eligibility';
import { periodLabel } from '../../../shared/tax/period';
import { text } from '../../../shared/text';
import type { ServerEvent } from '../../../shared/api/events';
import { BATCH_KIND_PARAMS } from '../../../shared/firms/batch-contract';
import { defineBatchKind } from '../batches';
import { parsePeriod } from './zero-eligibility';
import { taxPortFor } from './tax-port';

const taxName = (tax: string) =>
  tax === 'cit-prepay'
    ? text('企业所得税预缴', 'CIT prepayment')
    : text('增值税及附加税费', 'VAT and surcharges');

/**
 * One client of a batch zero filing: authorized again now (as the batch owner, through the firm's
 * authorization and access groups), checked again, then filed by the tax module inside this
 * item's transaction. The tax module files a nil return at most once per company and period (its
 * unique version index and idempotent function), so a second batch over the same clients reports
 * the first filing instead of filing again.
 */
export const zeroFilingKind = defineBatchKind({
  params: BATCH_KIND_PARAMS['zero-filing'],
  title: ({ tax, periodKey }) => {
    const label = periodLabel(parsePeriod(periodKey));
    const name = taxName(tax);
    return text(`${label.zh} ${name.zh}零申报`, `Nil returns: ${name.en}, ${label.en}`);
  },
  describe: (r) => {
    if (r.alreadyFiled) return text('此前已申报，本次未重复申报', 'Already filed earlier; not filed again');
    if (typeof r.receiptNumber === 'string')
      return text(`已零申报，回执号 ${r.receiptNumber}`, `Nil return filed, receipt ${r.receiptNumber}`);
    return r.returnId ? text('已零申报', 'Nil return filed') : null;
  },
  process: async (ctx, tx, batch, item, { tax, periodKey, sessionId }) => {
    const period = parsePeriod(periodKey);
    const now = ctx.now();
    const decision = await authorize(tx, {
      personId: batch.ownerPersonId,
      companyId: item.companyId,
      scope: 'tax.file',
      now,
    });
    if (!decision.allowed) throw refusalError(decision);

    const [company] = await tx
      .select({
        status: companies.status,
        vatPeriod: companies.vatPeriod,
        establishedOn: companies.establishedOn,
        legalRepPersonId: companies.legalRepPersonId,
      })
      .from(companies)
      .where(eq(companies.id, item.companyId));
    if (!company) throw new DomainError('COMPANY_NOT_FOUND', text('未找到该企业。', 'Company not found.'));
    const problem = zeroFilingProblem(company, {
      tax,
      period,
      today: chinaToday(now),
      periodStart: periodStart(period),
      periodEnd: periodEnd(period),
      filed: undefined,
      sales: undefined,
    });
    if (problem)
      return { status: 'skipped', result: {}, reason: { code: problem.code, message: problem.reason } };

    // The tax module checks the rest (already filed, sales on file) and is idempotent per company
    // and period. Its refusals are final for this client: recorded as "not done" with its reason,
    // after rolling back to the savepoint so nothing it may have written survives.
    let filing: Awaited<ReturnType<ReturnType<typeof taxPortFor>['fileZero']>>;
    try {
      filing = await tx.transaction((sp) =>
        taxPortFor(ctx).fileZero(ctx, sp, {
          companyId: item.companyId,
          tax,
          period,
          authority: decision,
          sessionId,
        }),
      );
    } catch (e) {
      if (isDomainError(e) && httpStatusOf(e) < 500)
        return { status: 'skipped', result: {}, reason: { code: e.code, message: e.text } };
      throw e;
    }
    const result = {
      returnId: filing.returnId,
      receiptNumber: filing.receiptNumber,
      alreadyFiled: filing.alreadyFiled,
    };
    await writeAudit(tx, {
      actorPersonId: decision.personId,
      actingAs: decision.actingAs,
      action: 'batch.zero-filing',
      companyId: item.companyId,
      delegationId: decision.delegationId ?? null,
      firmId: decision.firmId ?? batch.firmId,
      detail: { batchId: batch.id, itemId: item.id, tax, periodKey, ...result },
    });
    if (filing.alreadyFiled) return { status: 'skipped', result };
    // As a single zero filing does: the filer and the legal representative are told once the
    // item has committed (the runner calls `after` only then).
    const event: ServerEvent = {
      type: 'tax.return.accepted',
      data: { companyId: item.companyId, returnId: filing.returnId },
    };
    const people = new Set([batch.ownerPersonId, company.legalRepPersonId]);
    return {
      status: 'done',
      result,
      after: async () => {
        for (const personId of people) ctx.bus.publish(personId, event);
      },
    };
  },
});
